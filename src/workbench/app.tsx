/**
 * The workbench shell: a toolbar (open .xlsx, back to the sample, insert/delete rows, fill colour,
 * save-and-reopen), the grid, the sheet tabs and a status bar. The task pane is not part of this
 * component: it is the real taskpane bundle, rendering into #container beside it.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { MemoryExcel } from "./memory-excel";
import { LAST_COL, LAST_ROW, boxToA1, type RangeBox } from "../core/grid/a1";
import type { WorkbenchBook } from "./convert";
import { Grid } from "./grid";
import { formatValue } from "./numfmt";

export interface WorkbenchActions {
  openFile(file: File): Promise<void>;
  openSample(): void;
  saveAndReopen(): void;
}

/** Re-renders on every model change, at most once a frame. */
export function useModelVersion(excel: MemoryExcel): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let pending = false;
    const flush = () => {
      if (!pending) return;
      pending = false;
      setVersion((v) => v + 1);
    };
    const off = excel.model.onRender(() => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(flush);
      setTimeout(flush, 50); // rAF does not run in a hidden tab
    });
    return () => {
      off();
    };
  }, [excel]);
  return version;
}

const FILL_CHOICES = ["#FFFF00", "#C6EFCE", "#DDEBF7", "#FCE4D6", "#D9D9D9"];

export function Workbench({ excel, book, actions, onRendered }: { excel: MemoryExcel; book: WorkbenchBook; actions: WorkbenchActions; onRendered(): void }) {
  const version = useModelVersion(excel);
  const model = excel.model;
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const sheet = (model.activeSheetId ? model.sheetById(model.activeSheetId) : undefined) ?? model.sheets[0];

  useEffect(() => {
    onRendered();
  }, [onRendered]);

  const onError = useCallback((m: string) => setMessage(m), []);
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(null), 6000);
    return () => clearTimeout(t);
  }, [message]);

  const sel = model.selection && model.selection.sheetId === sheet.id ? model.selection.box : { top: 0, left: 0, bottom: 0, right: 0 };

  const run = (f: () => void) => {
    try {
      f();
    } catch (e) {
      const code = (e as { code?: string }).code;
      setMessage(
        code === "AccessDenied"
          ? "工作表受保护，不能修改。/ The sheet is protected."
          : code === "InvalidOperation"
            ? "不能更改合并单元格的一部分。/ Cannot change part of a merged cell."
            : `操作失败 / Failed: ${(e as Error).message}`,
      );
    }
  };

  const rowsOfSel = sel.bottom - sel.top + 1;
  const insertRows = () => run(() => excel.user.insertRows(sheet.name, sel.top + 1, rowsOfSel));
  const deleteRows = () => run(() => excel.user.deleteRows(sheet.name, sel.top + 1, rowsOfSel));
  const setFill = (color: string | null) => run(() => excel.user.setFill(sheet.name, boxToA1(clipToUsed(sel, model.usedBox(sheet))), color));

  const addSheet = () =>
    run(() => {
      let i = model.sheets.length + 1;
      while (model.sheet(`Sheet${i}`)) i++;
      excel.user.addSheet(`Sheet${i}`);
      excel.user.select(`Sheet${i}`, "A1");
    });

  const onPick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      await actions.openFile(file);
    } catch (e) {
      setMessage(`无法打开 ${file.name}：${(e as Error).message} / Cannot open the file.`);
      setBusy(false);
    }
  };

  const activeCell = sel;
  const activeValue = formatValue(model.valueAt(sheet, activeCell.top, activeCell.left), model.numberFormatAt(sheet, activeCell.top, activeCell.left));

  return (
    <div className="wb-shell">
      <div className="wb-toolbar" role="toolbar" aria-label="工作簿 / Workbook">
        <span className="wb-title" title={book.title}>
          {book.title}
        </span>
        <button type="button" onClick={() => fileRef.current?.click()} disabled={busy} data-testid="open-xlsx">
          打开 .xlsx
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          data-testid="file-input"
          aria-label="打开 .xlsx / Open .xlsx"
          onChange={(e) => void onPick(e.target.files?.[0])}
        />
        <button type="button" onClick={actions.openSample} title="打开内置示例（种子三张项目表与部门整体绩效目标）/ Open the built-in sample">
          示例
        </button>
        <span className="wb-sep" />
        <button type="button" onClick={insertRows} data-testid="insert-row-above" title="在所选行上方插入行 / Insert rows above">
          在上方插入行
        </button>
        <button type="button" onClick={deleteRows} title="删除所选行 / Delete the selected rows">
          删除行
        </button>
        <span className="wb-sep" />
        <span className="wb-label">填充</span>
        {FILL_CHOICES.map((c) => (
          <button key={c} type="button" className="wb-swatch" style={{ backgroundColor: c }} aria-label={`填充 ${c}`} title={`填充 / Fill ${c}`} onClick={() => setFill(c)} />
        ))}
        <button type="button" onClick={() => setFill(null)} title="无填充 / No fill">
          无填充
        </button>
        <span className="wb-sep" />
        <button type="button" onClick={actions.saveAndReopen} title="保存工作簿并重新打开（加载项重新启动）/ Save and reopen">
          保存并重新打开
        </button>
      </div>
      <div className="wb-formula" aria-live="off">
        <span className="wb-namebox" data-testid="name-box">
          {boxToA1(sel)}
        </span>
        <span className="wb-fx">{activeValue}</span>
      </div>
      <Grid excel={excel} sheet={sheet} view={book.views[sheet.name]} version={version} onError={onError} />
      <div className="wb-tabs" role="tablist" aria-label="工作表 / Sheets">
        {model.sheets.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            data-sheet={s.name}
            aria-selected={s.id === sheet.id ? "true" : "false"}
            className={s.id === sheet.id ? "wb-tab wb-tab-active" : "wb-tab"}
            onClick={() => {
              if (s.id !== sheet.id) run(() => excel.user.select(s.name, rememberedSelection.get(s.id) ?? "A1"));
            }}
          >
            {s.protected ? "🔒 " : ""}
            {s.name}
          </button>
        ))}
        <button type="button" className="wb-tab" data-testid="add-sheet" aria-label="新建工作表 / New sheet" title="新建工作表 / New sheet" onClick={addSheet}>
          +
        </button>
      </div>
      <div className="wb-status" role="status">
        <span className="wb-message" data-testid="workbench-message">
          {busy ? "正在打开… / Opening…" : (message ?? "就绪 / Ready")}
        </span>
        <span className="wb-syncs" title="加载项调用 context.sync() 的次数 / context.sync() calls by the add-in">
          sync: {excel.syncs}
        </span>
      </div>
      <SelectionMemory excel={excel} version={version} />
    </div>
  );
}

/** Each sheet remembers its last selection, as Excel does when switching tabs. */
const rememberedSelection = new Map<string, string>();
function SelectionMemory({ excel, version }: { excel: MemoryExcel; version: number }) {
  const sel = excel.model.selection;
  useEffect(() => {
    if (sel) rememberedSelection.set(sel.sheetId, boxToA1(sel.box));
  }, [sel, version]);
  return null;
}

/** Whole rows or columns ("3:3", "B:B") are filled up to the used range only. */
function clipToUsed(b: RangeBox, used: RangeBox | null): RangeBox {
  const out = { ...b };
  if (b.right === LAST_COL) out.right = Math.max(b.left, used?.right ?? b.left);
  if (b.bottom === LAST_ROW) out.bottom = Math.max(b.top, used?.bottom ?? b.top);
  return out;
}
