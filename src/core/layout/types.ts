import { z } from "zod";
import { ColumnRoleSchema, MoneyUnitSchema } from "../model/schema";

/** A cell position, absolute 0-based sheet coordinates. */
export const PosSchema = z.object({ row: z.number().int().nonnegative(), col: z.number().int().nonnegative() });
export type Pos = z.infer<typeof PosSchema>;

export const BoxSchema = z.object({
  top: z.number().int(),
  left: z.number().int(),
  bottom: z.number().int(),
  right: z.number().int(),
});

/**
 * Where one labelled part of the table is: its label cell and its value cell. The value cell is
 * where the value is, or where it should be when blank (the first cell after the label); null when
 * the part is absent. `inline` = the value sits in the label cell after "：" ("项目名称：xxx").
 */
export const PartSchema = z.object({
  label: PosSchema.nullable(),
  cell: PosSchema.nullable(),
  inline: z.boolean().default(false),
});
export type Part = z.infer<typeof PartSchema>;

export const PlanLayoutSchema = z.object({
  label: PosSchema.nullable(),
  m3: PartSchema,
  m6: PartSchema,
  m10: PartSchema,
  m12: PartSchema,
});
export type PlanLayout = z.infer<typeof PlanLayoutSchema>;

export const HeaderColumnSchema = z.object({
  col: z.number().int().nonnegative(),
  /** Last column covered by the header cell (merged headers such as 绩效指标描述 over D:E). */
  right: z.number().int().nonnegative(),
  role: ColumnRoleSchema,
  label: z.string(),
});
export type HeaderColumn = z.infer<typeof HeaderColumnSchema>;

/** Where a project table's parts are. Detected from labels, or built from a user's mapping. */
export const TableLayoutSchema = z.object({
  sheet: z.string(),
  /** The table's whole extent. */
  range: BoxSchema,
  title: PartSchema,
  unitName: PartSchema,
  projectCode: PartSchema,
  projectName: PartSchema,
  budgetTotal: PartSchema,
  budgetFiscal: PartSchema,
  budgetOther: PartSchema,
  purpose: PartSchema,
  goal: PartSchema,
  /** Null when the table has no 资金支出计划. */
  plan: PlanLayoutSchema.nullable(),
  /** The table's money unit and where it was read ("单位：元" cell, "预算数（万元）" label or a "250万" value). */
  moneyUnit: MoneyUnitSchema.nullable(),
  moneyUnitCell: PosSchema.nullable(),
  indicatorHeader: z.object({ row: z.number().int().nonnegative(), columns: z.array(HeaderColumnSchema) }),
  /** First and last sheet rows of the indicator block (first > last when it has no rows). */
  firstDataRow: z.number().int(),
  lastDataRow: z.number().int(),
});
export type TableLayout = z.infer<typeof TableLayoutSchema>;

export { EMPTY_PART } from "./empty-part";
