/** Layout detection and parsing of 绩效目标表: find the tables on a sheet, read them into the model. */
export { detectTables, headerColumns } from "./detect";
export { parseTable, splitGoalLines } from "./parse-table";
export { columnRolesFromHeader, headerRole, classifyLabel, planCheckpoint, labelKey } from "./labels";
export type { FieldKind, LabelInfo } from "./labels";
export { TableLayoutSchema, PartSchema, PlanLayoutSchema, HeaderColumnSchema, PosSchema, BoxSchema } from "./types";
export type { TableLayout, Part, PlanLayout, HeaderColumn, Pos } from "./types";
