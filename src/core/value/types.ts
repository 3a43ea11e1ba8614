import { z } from "zod";

/** Canonical comparison operators of a 指标值. "±" is a tolerance (±3%以内). */
export const OperatorSchema = z.enum(["≥", "≤", "=", ">", "<", "±"]);
export type Operator = z.infer<typeof OperatorSchema>;

export const ValueKindSchema = z.enum(["quantitative", "qualitative", "empty", "unparsed"]);
export type ValueKind = z.infer<typeof ValueKindSchema>;

/** A calendar point or period found in a time value (2022年12月31日前, 2023.07-2024.01, 12月). */
export const DatePartSchema = z.object({
  year: z.number().int().nullable(),
  month: z.number().int().nullable(),
  day: z.number().int().nullable(),
});

/** The parsed form of one 指标值 text. */
export const ParsedValueSchema = z.object({
  kind: ValueKindSchema,
  /** The text as written (trimmed); for typed numbers their display text. */
  raw: z.string(),
  /** Canonical operator, or null when none was written. */
  op: OperatorSchema.nullable(),
  /** The operator as written (">=", "不少于", "以上" …), null when none. */
  opRaw: z.string().nullable(),
  /** The main number (lower bound of a range, the amount of a tolerance). */
  number: z.number().nullable(),
  /** Upper bound for ranges ("80%-90%"). */
  upper: z.number().nullable().default(null),
  /** Canonical unit ("%", "万元", "人次" …), null when none. */
  unit: z.string().nullable(),
  /** The unit as written when it differs from canonical ("百分比"), else null. */
  unitRaw: z.string().nullable().default(null),
  /**
   * A magnitude written without a unit ("250万" → "万", "1.2亿" → "亿", "3千" → "千"); `number` is
   * then scaled (2500000). In a cost row it reads as money (250万元). Null otherwise.
   */
  magnitude: z.string().nullable().default(null),
  /** Qualitative grade word (好, 较好, 优, 合格, 达到 …) when kind = qualitative. */
  grade: z.string().nullable().default(null),
  /** A date or the start of a period. */
  date: DatePartSchema.nullable().default(null),
  /** End of a period ("2023.07-2024.01"). */
  dateEnd: DatePartSchema.nullable().default(null),
  /** "前" / "以前" / "之前" after a date: a deadline. */
  deadline: z.boolean().default(false),
  /** The value written in the standard form ("≥95%"), or null when it cannot be normalised. */
  normalized: z.string().nullable(),
});
export type ParsedValue = z.infer<typeof ParsedValueSchema>;
