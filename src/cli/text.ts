/**
 * The text format of the CLI: a rendering of the JSON report for a finance officer. Per file, per
 * table a header line, then one line per finding `工作表!单元格  严重性  规则  说明`, a subtotal per file
 * and a total. A habit repeated on many cells (issues sharing a `group`) is one line listing its
 * cells. With groupBy "code" the findings of a file are listed under the reviewers' opinion codes
 * instead of per table. ANSI colour only when asked (main decides: stdout is a TTY and NO_COLOR is unset).
 */
import { t, ruleText, type Locale } from "../core/messages";
import { SEVERITIES } from "../core/model/severity";
import { OPINION_CODES } from "../core/rules/policy";
import type { Report, ReportIssue, ReportTable } from "./report";

export interface TextOptions {
  locale: Locale;
  color: boolean;
  /** "table" (default): findings under their table; "code": under their opinion code. */
  groupBy?: "table" | "code";
}

/** A finding: one issue, or every issue of a group (the first stands for them). */
export interface Finding {
  issue: ReportIssue;
  members: ReportIssue[];
}

/** Folds the issues of each group into one finding, at the place of its first issue. */
export function foldFindings(issues: readonly ReportIssue[]): Finding[] {
  const out: Finding[] = [];
  const byGroup = new Map<string, Finding>();
  for (const i of issues) {
    if (i.group === undefined) {
      out.push({ issue: i, members: [i] });
      continue;
    }
    const f = byGroup.get(i.group);
    if (f) f.members.push(i);
    else {
      const nf = { issue: i, members: [i] };
      byGroup.set(i.group, nf);
      out.push(nf);
    }
  }
  return out;
}

/** "F13、F14、F16" (en "F13, F14, F16"). */
export function cellList(members: readonly ReportIssue[], locale: Locale): string {
  return members.map((m) => m.cell ?? "").join(locale === "en" ? ", " : "、");
}

const ANSI = {
  red: "\x1b[31m",
  yellow: "\x1b[33m",
  cyan: "\x1b[36m",
  bold: "\x1b[1m",
  dim: "\x1b[2m",
  reset: "\x1b[0m",
};

/** Terminal columns a string takes (CJK and full-width forms count 2). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) continue;
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

export function padEnd(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + " ".repeat(width - w);
}

/** Quotes a sheet name for an A1 reference when Excel would ('My sheet'!A1). */
export function sheetRef(sheet: string, cell: string | null): string {
  const needsQuote = /[\s'!,;()\-+&]/.test(sheet) || /^\d/.test(sheet);
  const s = needsQuote ? `'${sheet.replace(/'/g, "''")}'` : sheet;
  return cell ? `${s}!${cell}` : s;
}

export function formatText(report: Report, opts: TextOptions): string {
  const { locale } = opts;
  const paint = (code: string, s: string) => (opts.color ? code + s + ANSI.reset : s);
  const sevColor = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan } as const;
  const sevLabel = (s: ReportIssue["severity"]) => t(locale, `severity.${s}`);
  const sevWidth = Math.max(...SEVERITIES.map((s) => displayWidth(sevLabel(s))));
  const lines: string[] = [];

  const findingLine = ({ issue: i, members }: Finding, addrWidth: number, ruleWidth: number): string => {
    const addr = padEnd(sheetRef(i.sheet, i.cell), addrWidth);
    const sev = paint(sevColor[i.severity], padEnd(sevLabel(i.severity), sevWidth));
    const rule = padEnd(i.rule, ruleWidth);
    const fix = i.fix !== undefined && !i.message.includes(i.fix) ? paint(ANSI.dim, (locale === "en" ? " (" : "（") + t(locale, "cli.fixHint", { fix: i.fix }) + (locale === "en" ? ")" : "）")) : "";
    if (members.length > 1) {
      const text = t(locale, "cli.groupLine", { title: ruleText(locale, i.rule).title, n: members.length, cells: cellList(members, locale), message: i.message });
      return `    ${addr}  ${sev}  ${rule}  ${text}${fix}`;
    }
    return `    ${addr}  ${sev}  ${rule}  ${i.message}${fix}`;
  };
  const issueLines = (list: readonly ReportIssue[], addrWidth: number, ruleWidth: number): string[] =>
    foldFindings(list).map((f) => findingLine(f, addrWidth, ruleWidth));

  const tableHeader = (tab: ReportTable, n: number): string => {
    const sep = locale === "en" ? ", " : "，";
    const colon = locale === "en" ? ": " : "：";
    // A department table (部门整体支出绩效目标表) has no 项目名称: it is named by its 部门（单位）.
    const department = tab.kind === "department";
    const name = (department ? tab.unitName : tab.projectName) ?? t(locale, "cli.blank");
    const parts = [
      `${t(locale, "cli.table", { n: n + 1 })}  ${sheetRef(tab.sheet, tab.range)}`,
      ...(department ? [t(locale, "cli.departmentTable")] : []),
      `${t(locale, department ? "cli.unitName" : "cli.projectName")}${colon}${name}`,
    ];
    if (tab.projectCode) parts.push(`${t(locale, "cli.projectCode")}${colon}${tab.projectCode}`);
    parts.push(t(locale, `cli.form.${tab.form}`));
    return "  " + paint(ANSI.bold, parts[0]) + "  " + parts.slice(1).join(sep);
  };

  for (const f of report.files) {
    if (f.error !== undefined) {
      lines.push(paint(ANSI.red, t(locale, "cli.fileError", { file: f.file, reason: f.error })));
      lines.push("");
      continue;
    }
    lines.push(paint(ANSI.bold, t(locale, "cli.file", { file: f.file })));
    const addrWidth = Math.max(0, ...f.issues.map((i) => displayWidth(sheetRef(i.sheet, i.cell))));
    const ruleWidth = Math.max(0, ...f.issues.map((i) => i.rule.length));
    // Sheets in workbook order; each sheet's tables, then "no table found" for empty sheets.
    const sheets = f.sheets ?? uniqueSheets(f.tables);
    if (sheets.length === 0) lines.push("  " + t(locale, "cli.noSheets"));
    if (opts.groupBy === "code") {
      const codeOf = (i: ReportIssue) => i.opinion ?? "其他";
      for (const code of OPINION_CODES) {
        const own = f.issues.filter((i) => codeOf(i) === code);
        if (own.length === 0) continue;
        const findings = foldFindings(own);
        lines.push("  " + paint(ANSI.bold, t(locale, "cli.codeHeader", { code, n: findings.length })));
        for (const fd of findings) lines.push(findingLine(fd, addrWidth, ruleWidth));
      }
      if (f.issues.length === 0) lines.push("    " + t(locale, "cli.noIssues"));
      const s = f.summary ?? { tables: f.tables.length, indicators: 0, errors: 0, warnings: 0, infos: 0 };
      lines.push("  " + t(locale, "cli.fileSummary", s));
      lines.push("");
      continue;
    }
    const printed = new Set<number>();
    for (const sh of sheets) {
      const idx = f.tables.map((tab, i) => (tab.sheet === sh.name ? i : -1)).filter((i) => i >= 0);
      if (idx.length === 0) {
        lines.push("  " + t(locale, "cli.noTable", { sheet: sh.name }));
        continue;
      }
      for (const ti of idx) {
        printed.add(ti);
        lines.push(tableHeader(f.tables[ti], ti));
        const own = f.issues.filter((i) => i.table === ti);
        if (own.length === 0) lines.push("    " + t(locale, "cli.noIssues"));
        lines.push(...issueLines(own, addrWidth, ruleWidth));
      }
    }
    // Tables whose sheet was not listed (defensive) and workbook-level issues (table = null).
    f.tables.forEach((tab, ti) => {
      if (printed.has(ti)) return;
      lines.push(tableHeader(tab, ti));
      lines.push(...issueLines(f.issues.filter((x) => x.table === ti), addrWidth, ruleWidth));
    });
    lines.push(...issueLines(f.issues.filter((x) => x.table === null || x.table >= f.tables.length), addrWidth, ruleWidth));
    const s = f.summary ?? { tables: f.tables.length, indicators: 0, errors: 0, warnings: 0, infos: 0 };
    lines.push("  " + t(locale, "cli.fileSummary", s));
    lines.push("");
  }
  const failed = report.files.filter((f) => f.error !== undefined).length;
  let total = t(locale, "cli.total", report.summary);
  if (failed > 0) total += t(locale, "cli.totalFailed", { failed });
  lines.push(paint(ANSI.bold, total));
  return lines.join("\n") + "\n";
}

function uniqueSheets(tables: readonly ReportTable[]): { name: string; tables: number }[] {
  const m = new Map<string, number>();
  for (const tab of tables) m.set(tab.sheet, (m.get(tab.sheet) ?? 0) + 1);
  return [...m].map(([name, tables]) => ({ name, tables }));
}
