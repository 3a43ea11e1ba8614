/** Typed errors the task pane can explain (Chinese first, English second). */
import type { BrokenReason } from "./port";

export type WorkbookErrorCode = "sheet-protected" | "sheet-not-found" | "excel-error";

export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    readonly zh: string,
    readonly en: string,
    override readonly cause?: unknown,
  ) {
    super(`${zh} / ${en}`);
    this.name = "WorkbookError";
  }
}

/** A write (edit or mark) was refused because the sheet is protected. */
export class ProtectedSheetError extends WorkbookError {
  constructor(
    readonly sheets: string[],
    cause?: unknown,
  ) {
    const list = sheets.join("、");
    super(
      "sheet-protected",
      `工作表「${list}」受保护，无法修改或标记单元格。问题仍会列在任务窗格中；如需标记或自动修正，请先撤销工作表保护（审阅 → 撤销工作表保护）。`,
      `Sheet "${sheets.join('", "')}" is protected, so its cells cannot be changed or marked. Issues are still listed in the pane; unprotect the sheet (Review → Unprotect Sheet) to allow marks and fixes.`,
      cause,
    );
    this.name = "ProtectedSheetError";
  }
}

export class SheetNotFoundError extends WorkbookError {
  constructor(
    readonly sheet: string,
    cause?: unknown,
  ) {
    super("sheet-not-found", `找不到工作表「${sheet}」，它可能已被删除或重命名。`, `Sheet "${sheet}" was not found; it may have been deleted or renamed.`, cause);
    this.name = "SheetNotFoundError";
  }
}

export const BROKEN_MAPPING_TEXT: Record<BrokenReason, (sheet: string, address: string) => { zh: string; en: string }> = {
  "sheet-deleted": (s, a) => ({
    zh: `已保存的表格映射指向的工作表「${s}」（${a}）已被删除，请重新映射或移除该映射。`,
    en: `The saved mapping points at sheet "${s}" (${a}), which was deleted; map the table again or remove the mapping.`,
  }),
  "range-deleted": (s, a) => ({
    zh: `已保存的表格映射所在的行（「${s}」${a}）已被全部删除，请重新映射或移除该映射。`,
    en: `The rows of the saved mapping ("${s}" ${a}) were deleted; map the table again or remove the mapping.`,
  }),
  "name-missing": (s, a) => ({
    zh: `已保存的表格映射（「${s}」${a}）的隐藏名称已丢失，无法确定表格的当前位置，请重新映射。`,
    en: `The hidden name of the saved mapping ("${s}" ${a}) is missing, so the table's position is unknown; map it again.`,
  }),
};

/** The code of an Office.js RichApi.Error (or undefined). */
export function excelErrorCode(e: unknown): string | undefined {
  if (e && typeof e === "object" && "code" in e && typeof (e as { code: unknown }).code === "string") return (e as { code: string }).code;
  return undefined;
}
