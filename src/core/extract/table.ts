/**
 * The standard indicator table of converted rows: header 一级指标 | 二级指标 | 三级指标 | 指标值 |
 * 原文, rows grouped by 一级 then 二级 (in the order of the form; the text's order within a group), 一级 and 二级
 * merged over their runs. Pure: the CLI writes it with ExcelJS, the pane through Office.js.
 */
import type { RangeBox } from "../grid/a1";
import { FORMS } from "../forms/categories";
import type { ProseRow } from "./prose";

export const STANDARD_HEADER = ["一级指标", "二级指标", "三级指标", "指标值", "原文"] as const;
/** Column widths (characters) of the standard table. */
export const STANDARD_WIDTHS = [12, 12, 30, 14, 50] as const;

export interface StandardTable {
  /** Header row first; every row has STANDARD_HEADER.length cells. */
  values: string[][];
  /** Merged areas, 0-based, relative to the table's top-left cell. */
  merges: RangeBox[];
}

/** The 三级 name with its period ("每年" + "组织人才培训次数"). */
export function rowName(r: Pick<ProseRow, "name" | "period">): string {
  return r.period && !r.name.startsWith(r.period) ? `${r.period}${r.name}` : r.name;
}

export function standardTable(rows: readonly ProseRow[]): StandardTable {
  const level1s = Object.keys(FORMS["88"]).concat("成本指标");
  const rank1 = (l: string | null) => (l === null || !level1s.includes(l) ? level1s.length : level1s.indexOf(l));
  const level2s = Object.values(FORMS["88"]).flat();
  const rank2 = (l: string | null) => (l === null || !level2s.includes(l) ? level2s.length : level2s.indexOf(l));
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank1(a.r.level1) - rank1(b.r.level1) || rank2(a.r.level2) - rank2(b.r.level2) || a.i - b.i)
    .map((x) => x.r);
  const values: string[][] = [[...STANDARD_HEADER]];
  for (const r of sorted) values.push([r.level1 ?? "", r.level2 ?? "", rowName(r), r.value.text, r.source]);
  const merges: RangeBox[] = [];
  for (const col of [0, 1]) {
    let start = 1;
    for (let i = 2; i <= values.length; i++) {
      const same = i < values.length && values[i][col] === values[start][col] && values[i][0] === values[start][0] && values[i][col] !== "";
      if (same) continue;
      if (i - 1 > start) merges.push({ top: start, left: col, bottom: i - 1, right: col });
      start = i;
    }
  }
  return { values, merges };
}
