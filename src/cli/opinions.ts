/**
 * `jixiao check --opinions 审核意见.xlsx`: the findings as a reviewer's opinion sheet, one row per
 * finding (a grouped habit is one row listing its cells): file, 项目名称, 一级 / 二级 / 三级指标, cell,
 * opinion code (审核意见类型) and opinion text, for a reviewer to edit and return.
 */
import ExcelJS from "exceljs";
import { t, type Locale } from "../core/messages";
import type { Report, ReportIssue, ReportTable } from "./report";
import { cellList, foldFindings } from "./text";
import { writeWorkbook } from "./annotate";

export interface OpinionRow {
  file: string;
  project: string;
  level1: string;
  level2: string;
  level3: string;
  cell: string;
  code: string;
  opinion: string;
}

export const OPINION_COLUMNS = ["file", "project", "level1", "level2", "level3", "cell", "code", "opinion"] as const;

const rowOf = (cell: string | null): number | null => {
  const m = /^[A-Z]+(\d+)$/.exec(cell ?? "");
  return m ? Number(m[1]) : null;
};

/** The indicator of a table on the sheet row of a cell, if any. */
function indicatorAt(table: ReportTable | undefined, cell: string | null): ReportTable["indicators"][number] | undefined {
  const r = rowOf(cell);
  if (!table || r === null) return undefined;
  return table.indicators.find((ind) => rowOf(ind.cell) === r || rowOf(ind.value.cell ?? null) === r);
}

const distinct = (xs: readonly string[]): string[] => [...new Set(xs.filter((x) => x !== ""))];

/** One row per finding of every readable file, in report order. */
export function opinionRows(report: Report, locale: Locale): OpinionRow[] {
  const sep = locale === "en" ? ", " : "、";
  const rows: OpinionRow[] = [];
  for (const f of report.files) {
    for (const { issue, members } of foldFindings(f.issues)) {
      const table = issue.table === null ? undefined : f.tables[issue.table];
      const inds = members.map((m) => indicatorAt(table, m.cell));
      const pick = (get: (i: NonNullable<(typeof inds)[number]>) => string | null) =>
        distinct(inds.map((i) => (i ? (get(i) ?? "") : ""))).join(sep);
      rows.push({
        file: f.file,
        // A department table has no 项目名称: its 部门（单位） names it.
        project: (table?.kind === "department" ? table.unitName : table?.projectName) ?? "",
        level1: pick((i) => i.level1),
        level2: pick((i) => i.level2),
        level3: pick((i) => i.name),
        cell: members.length > 1 ? cellList(members, locale) : (issue.cell ?? ""),
        code: issue.opinion ?? "其他",
        opinion: opinionText(issue, members, locale),
      });
    }
  }
  return rows;
}

function opinionText(issue: ReportIssue, members: readonly ReportIssue[], locale: Locale): string {
  if (members.length === 1) return issue.message;
  return t(locale, "cli.opinions.group", { n: members.length, cells: cellList(members, locale), message: issue.message });
}

/** The opinion workbook: one sheet, a header row, one row per finding. */
export function opinionWorkbook(report: Report, locale: Locale): { workbook: ExcelJS.Workbook; rows: number } {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t(locale, "cli.opinions.sheetName"), { views: [{ state: "frozen", ySplit: 1 }] });
  const widths: Record<(typeof OPINION_COLUMNS)[number], number> = { file: 24, project: 30, level1: 12, level2: 16, level3: 24, cell: 12, code: 20, opinion: 80 };
  ws.columns = OPINION_COLUMNS.map((key) => ({ header: t(locale, `cli.opinions.columns.${key}`), key, width: widths[key] }));
  ws.getRow(1).font = { bold: true };
  const rows = opinionRows(report, locale);
  for (const r of rows) ws.addRow(r).alignment = { wrapText: true, vertical: "top" };
  return { workbook: wb, rows: rows.length };
}

/** Writes the opinion workbook to `file`; resolves to the number of finding rows. */
export async function writeOpinions(report: Report, file: string, locale: Locale): Promise<number> {
  const { workbook, rows } = opinionWorkbook(report, locale);
  await writeWorkbook(workbook, file);
  return rows;
}
