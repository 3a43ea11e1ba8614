/**
 * The CLI's JSON report (`--format json`, `"version": 1`): a contract other tools read, whose zod
 * schema (`ReportSchema`) and types are in report-schema.ts. Build reports only through `buildReport`
 * / `buildReportFromFiles`; the tests validate the reports they read with `ReportSchema`.
 */
import type { Issue, ProjectTable, Severity } from "../core/model/schema";
import { ruleById } from "../core/rules/registry";
import { opinionOf } from "../core/rules/policy";
import type { Report, ReportFile, ReportIssue, ReportTable } from "./report-schema";

export type { Report, ReportFile, ReportIssue, ReportTable } from "./report-schema";

/** What the checker produced for one input file. */
export interface FileResult {
  file: string;
  /** Set when the file could not be read; tables and issues are then empty. */
  error?: { code: string; message: string };
  tables: ProjectTable[];
  issues: Issue[];
  sheets?: { name: string; tables: number }[];
  /** The format the file was read as. */
  format?: string;
}

export function tableToReport(t: ProjectTable): ReportTable {
  return {
    sheet: t.sheet,
    kind: t.kind,
    range: t.range,
    projectName: t.projectName.value,
    projectCode: t.projectCode.value,
    moneyUnit: t.moneyUnit,
    form: t.form,
    budget: { total: t.budget.total.value, fiscal: t.budget.fiscal.value, other: t.budget.other.value },
    plan: t.plan ? { m3: t.plan.m3.value, m6: t.plan.m6.value, m10: t.plan.m10.value, m12: t.plan.m12.value } : null,
    goals: t.goals.map((g) => g.text),
    indicators: t.indicators.map((r) => ({
      cell: r.name.cell ?? r.value.cell ?? `A${r.row + 1}`,
      level1: r.level1.canonical ?? r.level1.raw,
      level2: r.level2.canonical ?? r.level2.raw,
      name: r.name.value,
      description: r.description.value,
      basis: r.basis.value,
      value: {
        raw: r.value.raw,
        kind: r.value.kind,
        op: r.value.op,
        number: r.value.number,
        unit: r.value.unit,
        normalized: r.value.normalized,
        cell: r.value.cell,
      },
    })),
    title: t.title.value,
    unitName: t.unitName.value,
    crossYear: t.crossYear,
    ...(t.department
      ? {
          department: {
            budget: t.department.budget.map((b) => ({ kind: b.kind, label: b.label, value: b.value, cell: b.cell })),
            tasks: t.department.tasks.map((k) => ({
              name: k.name.value,
              content: k.content.value,
              amount: k.amount.value,
              cell: k.name.cell,
            })),
            measures: t.department.measures.value,
          },
        }
      : {}),
  };
}

export function issueToReport(i: Issue): ReportIssue {
  return {
    rule: i.rule,
    severity: i.severity,
    sheet: i.sheet,
    cell: i.cell,
    table: i.table,
    message: i.message,
    ...(i.fix ? { fix: i.fix.text } : {}),
    messageId: i.messageId,
    ...(i.group ? { group: i.group } : {}),
    ...opinionField(i.rule, i.messageId),
  };
}

function opinionField(rule: string, messageId: string): { opinion?: string } {
  const r = ruleById(rule);
  return r ? { opinion: opinionOf(r.meta, messageId) } : {};
}

/** Counts findings by severity; the issues of one group count as one finding. */
function countIssues(issues: readonly { severity: Severity; group?: string }[]) {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  const groups = new Set<string>();
  for (const i of issues) {
    if (i.group !== undefined) {
      if (groups.has(i.group)) continue;
      groups.add(i.group);
    }
    if (i.severity === "error") errors++;
    else if (i.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

export function fileToReport(r: FileResult): ReportFile {
  const tables = r.tables.map(tableToReport);
  const issues = r.issues.map(issueToReport);
  return {
    file: r.file,
    ...(r.error ? { error: r.error.message, errorCode: r.error.code } : {}),
    tables,
    issues,
    ...(r.sheets ? { sheets: r.sheets.map((s) => ({ name: s.name, tables: s.tables })) } : {}),
    summary: {
      tables: tables.length,
      indicators: tables.reduce((n, t) => n + t.indicators.length, 0),
      ...countIssues(issues),
    },
    ...(r.format ? { format: r.format } : {}),
  };
}

/** Builds the whole report. */
export function buildReport(results: readonly FileResult[], locale?: string): Report {
  return buildReportFromFiles(results.map(fileToReport), locale);
}

/**
 * The report from files already in report form (as the check workers send them). Not validated
 * with ReportSchema at run time (on a folder of 1,000 files that took a tenth of the main thread's
 * time and a copy of the whole report in memory): the tests parse every JSON report the CLI prints
 * with it (test/cli).
 */
export function buildReportFromFiles(files: ReportFile[], locale?: string): Report {
  const sum = { files: files.length, tables: 0, indicators: 0, errors: 0, warnings: 0, infos: 0 };
  for (const f of files) {
    sum.tables += f.summary!.tables;
    sum.indicators += f.summary!.indicators;
    sum.errors += f.summary!.errors;
    sum.warnings += f.summary!.warnings;
    sum.infos += f.summary!.infos;
  }
  return { version: 1, files, summary: sum, tool: "jixiao", ...(locale ? { locale } : {}) };
}

/**
 * One file of the report as `JSON.stringify(report, null, 2)` writes it inside the "files" array
 * (indented at that depth, without the separating comma): a slice of the wrapper's own text.
 */
export function fileJson(f: ReportFile): string {
  const wrapped = JSON.stringify({ files: [f] }, null, 2);
  return wrapped.slice('{\n  "files": [\n'.length, wrapped.length - "\n  ]\n}".length);
}

/**
 * A file as the main thread of `check` keeps it when its worker already wrote its JSON text
 * (fileJson): the summary, the error and the sheets, without the tables and issues the text holds.
 */
export function lightFile(f: ReportFile): ReportFile {
  return { ...f, tables: [], issues: [] };
}

/**
 * Writes `JSON.stringify(report, null, 2) + "\n"` in pieces, one per file, so that a folder's report is
 * never one string: for 1,000 files that string was ~8 MB of mostly Chinese text, 16 MB in memory
 * (UTF-16) before its UTF-8 copy on the way to stdout. `texts[i]`, when given, is file i's fileJson
 * text already made (by the check worker, as UTF-8 bytes), and report.files[i] may then be its
 * lightFile.
 */
export function writeReportJson(
  report: Report,
  write: (s: string | Uint8Array) => void,
  texts?: readonly (string | Uint8Array | undefined)[],
): void {
  const shell = JSON.stringify({ ...report, files: [] }, null, 2) + "\n";
  const at = shell.indexOf('\n  "files": []');
  if (at < 0 || report.files.length === 0) {
    write(at < 0 ? JSON.stringify(report, null, 2) + "\n" : shell);
    return;
  }
  const open = at + '\n  "files": ['.length;
  write(shell.slice(0, open) + "\n");
  report.files.forEach((f, i) => {
    const text = texts?.[i] ?? fileJson(f);
    const after = i < report.files.length - 1 ? ",\n" : "\n  ]";
    if (typeof text === "string") write(text + after);
    else {
      write(text);
      write(after);
    }
  });
  write(shell.slice(open + 1));
}

/** The process exit code for a report: 2 if a file could not be read, 1 if any error issue, else 0. */
export function exitCodeFor(report: Report): 0 | 1 | 2 {
  if (report.files.some((f) => f.error !== undefined)) return 2;
  return report.summary.errors > 0 ? 1 : 0;
}
