/**
 * Table-driven rule tests, ESLint's RuleTester style: each case is a table (or several, for
 * workbook-scope rules) and the expected [cell, messageId] pairs of this rule; valid cases expect none.
 *
 *   testRule(rule, {
 *     valid: [{ name: "standard", table: makeTable() }],
 *     invalid: [{ name: "word unit", table: makeTable({...}), expect: [["F13", "wordUnit"]] }],
 *   });
 *
 * For workbook cases give `tables` and optionally `expectTable` (issues are counted on all tables).
 */
import type { ProjectTable } from "../../src/core/model/schema";
import type { Rule, RuleOptions } from "../../src/core/rules/types";
import { runRules } from "../../src/core/rules/engine";

export interface RuleCase {
  name: string;
  table?: ProjectTable;
  tables?: ProjectTable[];
  options?: RuleOptions;
}
export interface InvalidCase extends RuleCase {
  /** [cell, messageId] pairs, in any order; messageId may be omitted as [cell]. */
  expect: ([string] | [string, string])[];
  /** Expected fix texts by cell, for fixable rules. */
  fixes?: Record<string, string>;
  /** Expected table index per issue (workbook rules). */
  expectTable?: number;
}

export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  const run = (c: RuleCase) => {
    const tables = c.tables ?? (c.table ? [c.table] : []);
    return runRules(tables, { rules: [rule], options: c.options });
  };
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      test(`valid: ${c.name}`, () => {
        expect(run(c).map((i) => [i.cell, i.messageId])).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      test(`invalid: ${c.name}`, () => {
        const issues = run(c);
        const got = issues.map((i): string[] => {
          const cell = i.cell ?? "";
          return c.expect.some((e) => e.length === 1 && e[0] === cell) ? [cell] : [cell, i.messageId];
        });
        const sortKey = (x: string[]) => x.join("|");
        expect(got.map(sortKey).sort()).toEqual(c.expect.map((e) => e.join("|")).sort());
        for (const i of issues) {
          expect(i.message).not.toMatch(/\{\w+\}/); // every placeholder was filled
          if (c.expectTable !== undefined) expect(i.table).toBe(c.expectTable);
        }
        if (c.fixes) {
          const fixes = Object.fromEntries(issues.filter((i) => i.fix).map((i) => [i.cell, i.fix!.text]));
          expect(fixes).toEqual(c.fixes);
        }
      });
    }
  });
}
