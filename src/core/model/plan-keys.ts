/**
 * The spending plan's checkpoints (3月底, 6月底, 10月底, 12月底), in order. Kept out of schema.ts
 * (which re-exports them) so that code needing only the keys does not load zod: the task pane's
 * initial JavaScript uses the schemas' types, never the schemas.
 */
export const PLAN_KEYS = ["m3", "m6", "m10", "m12"] as const;
export type PlanKey = (typeof PLAN_KEYS)[number];
