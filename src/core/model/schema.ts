import { z } from "zod";
import { SEVERITIES } from "./severity";
import { ParsedValueSchema } from "../value/types";

/** An A1 address on the table's sheet ("F11"), or null when the part is absent from the layout. */
export const CellAddrSchema = z.string().nullable();

/** A text field with the cell it came from. */
export const TextFieldSchema = z.object({ value: z.string().nullable(), cell: CellAddrSchema });
export type TextField = z.infer<typeof TextFieldSchema>;

/** A money or percent field: the number (null when blank or unreadable), the text as written, the cell. */
export const NumberFieldSchema = z.object({
  value: z.number().nullable(),
  raw: z.string().nullable(),
  cell: CellAddrSchema,
});
export type NumberField = z.infer<typeof NumberFieldSchema>;

export const MoneyUnitSchema = z.enum(["元", "万元"]);
export type MoneyUnit = z.infer<typeof MoneyUnitSchema>;

/** Category system: 88 = Hebei/88号 (成本 inside 产出), 101 = 财预〔2021〕101号 (成本 as a 一级). */
export const FormSchema = z.enum(["88", "101"]);
export type Form = z.infer<typeof FormSchema>;

export const CategoryFieldSchema = z.object({
  /** Text as written in the row's cell, or as carried down from above. */
  raw: z.string().nullable(),
  /** Canonical category name (产出指标, 数量指标 …) or null when unrecognised or empty. */
  canonical: z.string().nullable(),
  cell: CellAddrSchema,
  /** True when the cell was blank (or a merged tail) and the value was carried down from above. */
  carried: z.boolean(),
});
export type CategoryField = z.infer<typeof CategoryFieldSchema>;

export const IndicatorValueSchema = ParsedValueSchema.extend({ cell: CellAddrSchema });

export const IndicatorRowSchema = z.object({
  /** 0-based sheet row. */
  row: z.number().int(),
  level1: CategoryFieldSchema,
  level2: CategoryFieldSchema,
  name: TextFieldSchema,
  description: TextFieldSchema,
  /** 指标值, parsed. When operator / value / unit sit in separate columns they are joined first. */
  value: IndicatorValueSchema,
  basis: TextFieldSchema,
  /** Separate-column layouts (101 template): where the operator and the unit are. */
  opCell: CellAddrSchema.default(null),
  unitCell: CellAddrSchema.default(null),
  weight: NumberFieldSchema.nullable().default(null),
  direction: TextFieldSchema.nullable().default(null),
});
export type IndicatorRow = z.infer<typeof IndicatorRowSchema>;

export const PlanSchema = z.object({
  m3: NumberFieldSchema,
  m6: NumberFieldSchema,
  m10: NumberFieldSchema,
  m12: NumberFieldSchema,
});
export type Plan = z.infer<typeof PlanSchema>;
export { PLAN_KEYS, type PlanKey } from "./plan-keys";

export const GoalLineSchema = z.object({ text: z.string(), cell: CellAddrSchema });

/** Roles a column of the indicator block can have (detected from headers or set by the user). */
export const ColumnRoleSchema = z.enum([
  "level1",
  "level2",
  "name",
  "description",
  "op",
  "value",
  "unit",
  "basis",
  "weight",
  "direction",
  "ignore",
]);
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;

/** A part of a department's 年度预算: 资金总额, 基本支出 / 项目支出, or a source (财政拨款, 上年结转, 其他资金). */
export const BudgetPartKindSchema = z.enum(["total", "basic", "project", "fiscal", "carryover", "other"]);
export type BudgetPartKind = z.infer<typeof BudgetPartKindSchema>;

export const DepartmentSchema = z.object({
  /** 年度预算 lines as labelled, each with its amount in the table's money unit (the first amount column). */
  budget: z.array(
    z.object({ kind: BudgetPartKindSchema, label: z.string(), value: z.number().nullable(), raw: z.string().nullable(), cell: CellAddrSchema }),
  ),
  /** 年度主要任务 (or 年度履职目标) rows: 任务名称, 主要内容, 预算金额. */
  tasks: z.array(z.object({ row: z.number().int(), name: TextFieldSchema, content: TextFieldSchema, amount: NumberFieldSchema })),
  /** 工作保障措施 text, when the table carries it. */
  measures: TextFieldSchema,
});
export type Department = z.infer<typeof DepartmentSchema>;

export const TableKindSchema = z.enum(["project", "department"]);
export type TableKind = z.infer<typeof TableKindSchema>;

export const ProjectTableSchema = z.object({
  sheet: z.string(),
  /** project = 项目支出绩效目标表; department = 部门（单位）整体支出绩效目标表. */
  kind: TableKindSchema.default("project"),
  /** The table's whole extent, A1 ("A1:G38"). */
  range: z.string(),
  /** Title line above the table (…项目资金绩效目标表), if present. */
  title: TextFieldSchema,
  /** 预算单位 line (303001文安工业新区管理处本级), if present. */
  unitName: TextFieldSchema,
  projectCode: TextFieldSchema,
  projectName: TextFieldSchema,
  moneyUnit: MoneyUnitSchema.nullable(),
  /** Where the money unit was read from ("单位：元" cell or a value such as "250万"). */
  moneyUnitCell: CellAddrSchema,
  budget: z.object({ total: NumberFieldSchema, fiscal: NumberFieldSchema, other: NumberFieldSchema }),
  /** 资金用途 text. */
  purpose: TextFieldSchema,
  plan: PlanSchema.nullable(),
  /** Cross-year (跨年/结转) project: the plan may end below 100%. */
  crossYear: z.boolean().default(false),
  /** The 绩效目标 cell as a whole, and its lines split out. */
  goal: TextFieldSchema,
  goals: z.array(GoalLineSchema),
  form: FormSchema,
  /** Why the form was chosen (a 一级 成本指标 seen, 经济成本指标 seen, or the default). */
  formReason: z.string(),
  /** Header row of the indicator block (0-based sheet row) and the role of every column. */
  indicatorHeader: z.object({
    row: z.number().int(),
    columns: z.array(z.object({ col: z.number().int(), role: ColumnRoleSchema, label: z.string() })),
  }),
  indicators: z.array(IndicatorRowSchema),
  /** A department table's own parts (年度预算 lines, 主要任务, 保障措施); null on project tables. */
  department: DepartmentSchema.nullable().default(null),
});
export type ProjectTable = z.infer<typeof ProjectTableSchema>;

/** A spreadsheet edit: the unit of every change the add-in makes. */
export const CellEditSchema = z.object({
  sheet: z.string(),
  cell: z.string(),
  value: z.union([z.string(), z.number(), z.null()]),
});
export type CellEdit = z.infer<typeof CellEditSchema>;

export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const IssueSchema = z.object({
  rule: z.string(),
  severity: SeveritySchema,
  messageId: z.string(),
  message: z.string(),
  sheet: z.string(),
  /** A1 address of the offending cell (or the table's first cell for table-level issues). */
  cell: z.string().nullable(),
  /** Index into the workbook's tables; null for a workbook-level issue. */
  table: z.number().int().nullable(),
  /** Placeholder data the message was rendered from. */
  data: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  /** A safe fix: the cell text after the fix and the edits that apply it. */
  fix: z.object({ text: z.string(), edits: z.array(CellEditSchema) }).optional(),
  /** Suggestions need a person to choose. */
  suggestions: z.array(z.object({ text: z.string(), edits: z.array(CellEditSchema) })).optional(),
  /**
   * One habit repeated on many rows of a table (a groupable rule's message on 3 or more cells): every
   * issue of the group carries the same key, `${rule}:${messageId}@${sheet}!${table's first cell}`.
   * Reports keep one issue per cell; viewers fold a group into one finding and count it once.
   */
  group: z.string().optional(),
});
export type Issue = z.infer<typeof IssueSchema>;
