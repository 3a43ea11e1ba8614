/**
 * What the CLI (`jixiao extract`) and the pane's "转换为指标表" share around extractProse: the text
 * of a selected block, and the reason of a suggested 一级 / 二级 in the user's language.
 */
import type { RangeBox } from "../grid/a1";
import type { CellGrid } from "../grid/cellgrid";
import { reasonText } from "../library/reasons";
import { t, type Locale } from "../messages";
import type { CategoryReason } from "./prose";

/** The block's non-empty cells, row by row, one line each (merged cells once). */
export function blockText(grid: CellGrid, box: RangeBox): string {
  const lines: string[] = [];
  const bottom = Math.min(box.bottom, grid.lastRow);
  const right = Math.min(box.right, grid.lastCol);
  for (let r = Math.max(box.top, grid.firstRow); r <= bottom; r++)
    for (let c = Math.max(box.left, grid.firstCol); c <= right; c++) if (!grid.isMergedTail(r, c) && grid.text(r, c) !== "") lines.push(grid.text(r, c));
  return lines.join("\n");
}

/** Why a 一级 / 二级 was suggested, in the language asked. */
export function reasonOf(why: CategoryReason, lang: Locale): string {
  if (why.code === "library") return t(lang, "cli.extract.reason.library", { entry: why.entry, why: reasonText(why.reasons, lang) });
  if (why.code === "count") return t(lang, "cli.extract.reason.count", { unit: why.unit });
  return t(lang, `cli.extract.reason.${why.code}`);
}
