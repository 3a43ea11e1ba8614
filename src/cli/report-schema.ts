/**
 * The zod schema of the CLI's JSON report (`--format json`, `"version": 1`): a contract other tools
 * read — the fields every version-1 reader may rely on, plus a few extra fields (allowed by the
 * contract). The source of the report's types (report.ts re-exports them). Kept out of report.ts so
 * that building a report does not load zod: the tests validate every report they read with it.
 */
import { z } from "zod";
import { SeveritySchema } from "../core/model/schema";

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
