import { z } from "zod";

/**
 * The data a CellGrid is built from. Kept out of cellgrid.ts (which re-exports it) so that code using
 * grids does not load zod (see src/core/model/plan-keys.ts).
 */
export const CellGridDataSchema = z.object({
  sheet: z.string(),
  /** Absolute 0-based position of values[0][0] on the sheet. */
  originRow: z.number().int().nonnegative(),
  originCol: z.number().int().nonnegative(),
  values: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  /** Number formats, same shape as values (or missing = "General"). */
  formats: z.array(z.array(z.string().nullable())).optional(),
  /** Merged areas in absolute 0-based sheet coordinates. */
  merges: z.array(z.object({ top: z.number(), left: z.number(), bottom: z.number(), right: z.number() })).default([]),
  /**
   * Set when the grid holds only the top-left part of its sheet's used range (a used range too large
   * to read, usually from a stray value far from the tables): that whole used range.
   */
  clippedFrom: z.object({ top: z.number(), left: z.number(), bottom: z.number(), right: z.number() }).optional(),
});
export type CellGridData = z.input<typeof CellGridDataSchema>;
