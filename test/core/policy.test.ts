/**
 * The severity policy (docs/rules/README.md), enforced over every registered rule: the default
 * severity follows the rule's policy class, message classes are milder, fixable rules are formatting
 * (info), every opinion code is one of the 11, and supersedes / messagePolicy name real rules and messages.
 */
import { ALL_RULES } from "../../src/core/rules/registry";
import { OPINION_CODES, POLICY_CLASSES, POLICY_SEVERITY } from "../../src/core/rules/policy";
import { runRules } from "../../src/core/rules/engine";
import { makeTable } from "../helpers/table";

const ORDER = { error: 0, warning: 1, info: 2 } as const;

describe.each(ALL_RULES.map((r) => [r.meta.id, r.meta] as const))("rule %s", (_id, meta) => {
  test("default severity is its policy class's", () => {
    expect(POLICY_CLASSES).toContain(meta.policy);
    expect(meta.defaultSeverity).toBe(POLICY_SEVERITY[meta.policy]);
  });
  test("message classes are declared messages and milder than the rule's", () => {
    for (const [m, c] of Object.entries(meta.messagePolicy ?? {})) {
      expect(meta.messageIds).toContain(m);
      expect(ORDER[POLICY_SEVERITY[c]]).toBeGreaterThan(ORDER[meta.defaultSeverity]);
    }
  });
  test("errors are arithmetic contradictions or missing required values; fixable rules are formatting", () => {
    if (meta.defaultSeverity === "error") expect(["arithmetic", "required"]).toContain(meta.policy);
    if (meta.fixable) expect(meta.policy).toBe("format");
    if (meta.policy === "format") expect(meta.fixable).toBe(true);
  });
  test("opinion codes are among the 11", () => {
    expect(OPINION_CODES).toContain(meta.opinion);
    for (const [m, c] of Object.entries(meta.messageOpinion ?? {})) {
      expect(meta.messageIds).toContain(m);
      expect(OPINION_CODES).toContain(c);
    }
  });
  test("supersedes names registered rules and message ids", () => {
    for (const [m, targets] of Object.entries(meta.supersedes ?? {})) {
      expect(meta.messageIds).toContain(m);
      for (const t of targets) {
        const [rid, mid] = t.split(":");
        const target = ALL_RULES.find((r) => r.meta.id === rid);
        expect(target).toBeDefined();
        if (mid !== undefined) expect(target!.meta.messageIds).toContain(mid);
      }
    }
  });
});

test("a message's class caps its severity, also when the run raises the rule", () => {
  const table = makeTable({ budget: 200000, fiscal: null, other: null });
  const [issue] = runRules([table], { only: ["budget-sum"], severity: { "budget-sum": "error" } });
  expect([issue.messageId, issue.severity]).toEqual(["sourcesBlank", "info"]);
});
