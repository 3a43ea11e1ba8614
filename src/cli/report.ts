/**
 * The CLI's JSON report (`--format json`, `"version": 1`): a contract other tools read. `ReportSchema`
 * is the zod schema of that contract — the fields every version-1 reader may rely on, plus a few extra
 * fields (allowed by the contract). Build reports only through `buildReport`, which validates.
 */
import { z } from "zod";
import { SeveritySchema, type Issue, type ProjectTable, type Severity } from "../core/model/schema";
import { ruleById } from "../core/rules/registry";
import { opinionOf } from "../core/rules/policy";

const num = z.number().nullable();

export const ReportValueSchema = z.object({
  raw: z.string(),
  kind: z.enum(["quantitative", "qualitative", "empty", "unparsed"]),
  op: z.string().nullable(),
  number: num,
  unit: z.string().nullable(),
  /** Extra: the value in the standard form ("≥95%"), null when it cannot be normalised. */
  normalized: z.string().nullable().optional(),
  /** Extra: the 指标值 cell. */
  cell: z.string().nullable().optional(),
});

export const ReportIndicatorSchema = z.object({
  /** The cell of the indicator's 三级 name. */
  cell: z.string(),
  level1: z.string().nullable(),
  level2: z.string().nullable(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  basis: z.string().nullable(),
  value: ReportValueSchema,
});

export const ReportDepartmentSchema = z.object({
  budget: z.array(z.object({ kind: z.string(), label: z.string(), value: num, cell: z.string().nullable() })),
  tasks: z.array(z.object({ name: z.string().nullable(), content: z.string().nullable(), amount: num, cell: z.string().nullable() })),
  measures: z.string().nullable(),
});

export const ReportTableSchema = z.object({
  sheet: z.string(),
  /** project = 项目支出绩效目标表; department = 部门整体支出绩效目标表. */
  kind: z.enum(["project", "department"]),
  range: z.string(),
  projectName: z.string().nullable(),
  projectCode: z.string().nullable(),
  moneyUnit: z.enum(["元", "万元"]).nullable(),
  form: z.enum(["88", "101"]),
  budget: z.object({ total: num, fiscal: num, other: num }),
  plan: z.object({ m3: num, m6: num, m10: num, m12: num }).nullable(),
  goals: z.array(z.string()),
  indicators: z.array(ReportIndicatorSchema),
  /** Extras. */
  title: z.string().nullable().optional(),
  unitName: z.string().nullable().optional(),
  crossYear: z.boolean().optional(),
  /** Department tables: 年度预算 lines, 主要任务 rows, 保障措施 (the aims are `goals`). */
  department: ReportDepartmentSchema.optional(),
});

export const ReportIssueSchema = z.object({
  rule: z.string(),
  severity: SeveritySchema,
  sheet: z.string(),
  cell: z.string().nullable(),
  table: z.number().int().nonnegative().nullable(),
  message: z.string(),
  /** The cell text after the safe fix. */
  fix: z.string().optional(),
  /** Extra: the rule's message id. */
  messageId: z.string().optional(),
  /**
   * Extra: one habit repeated on many cells of a table; every issue of the habit has the same key.
   * Tools fold a group into one finding; the summary counts it once.
   */
  group: z.string().optional(),
  /** Extra: the reviewers' opinion code (审核意见类型) the finding answers. */
  opinion: z.string().optional(),
});

/** Counts of findings: the issues of one `group` (a habit repeated on many cells) count once. */
const CountsShape = {
  tables: z.number().int().nonnegative(),
  indicators: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  infos: z.number().int().nonnegative(),
};

export const ReportFileSchema = z.object({
  file: z.string(),
  /** Only when the file could not be read: why, in the report's language. */
  error: z.string().optional(),
  /** Extra: a stable code for the error (missing, empty, encrypted, notXlsx, corrupt …). */
  errorCode: z.string().optional(),
  tables: z.array(ReportTableSchema),
  issues: z.array(ReportIssueSchema),
  /** Extra: every sheet with its number of tables (0 = no table found on it). */
  sheets: z.array(z.object({ name: z.string(), tables: z.number().int().nonnegative() })).optional(),
  /** Extra: the counts of this file. */
  summary: z.object(CountsShape).optional(),
  /** Extra: the format the file was read as (xlsx, xlsm, xlsb, ods, xls — which includes WPS .et —, csv). */
  format: z.string().optional(),
});

export const ReportSchema = z.object({
  version: z.literal(1),
  files: z.array(ReportFileSchema),
  summary: z.object({ files: z.number().int().nonnegative(), ...CountsShape }),
  /** Extras. */
  tool: z.string().optional(),
  locale: z.string().optional(),
});

export type Report = z.infer<typeof ReportSchema>;
export type ReportFile = z.infer<typeof ReportFileSchema>;
export type ReportTable = z.infer<typeof ReportTableSchema>;
export type ReportIssue = z.infer<typeof ReportIssueSchema>;

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

/** The process exit code for a report: 2 if a file could not be read, 1 if any error issue, else 0. */
export function exitCodeFor(report: Report): 0 | 1 | 2 {
  if (report.files.some((f) => f.error !== undefined)) return 2;
  return report.summary.errors > 0 ? 1 : 0;
}
