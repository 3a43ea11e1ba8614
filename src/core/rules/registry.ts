import type { Rule } from "./types";
// One import per rule file; keep alphabetical. Each id must have docs/rules/<id>.md and catalog entries.
// @@rule-imports

export const ALL_RULES: readonly Rule[] = [
  // @@rule-list
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
