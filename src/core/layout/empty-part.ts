import type { Part } from "./types";

/**
 * A part of the layout that was not found. Kept out of types.ts (which re-exports it) so that layout
 * detection does not load the layout's zod schemas (see src/core/model/plan-keys.ts).
 */
export const EMPTY_PART: Part = Object.freeze({ label: null, cell: null, inline: false }) as Part;
