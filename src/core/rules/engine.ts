import type { Issue, ProjectTable, Severity } from "../model/schema";
import { SEVERITY_RANK } from "../model/severity";
import { LAST_COL, parseA1 } from "../grid/a1";
import { formatMessage, type Locale } from "../messages";
import type { Rule, RuleContext, RuleOptions, ReportDescriptor } from "./types";
import { ALL_RULES } from "./registry";
import { POLICY_SEVERITY, milder, policyOf } from "./policy";

/** A groupable rule's message on this many cells of one table is one grouped finding. */
export const GROUP_MIN = 3;

export interface RunConfig {
  /** Only these rule ids (default: all). Unknown ids throw. */
  only?: readonly string[];
  /** Per-rule severity overrides; "off" switches a rule off. */
  severity?: Record<string, Severity | "off">;
  locale?: Locale;
  options?: RuleOptions;
  rules?: readonly Rule[];
}

export class UnknownRuleError extends Error {}

/** Runs every enabled rule over every table and returns the issues in table, then cell order. */
export function runRules(tables: readonly ProjectTable[], config: RunConfig = {}): Issue[] {
  const rules = config.rules ?? ALL_RULES;
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  for (const id of [...(config.only ?? []), ...Object.keys(config.severity ?? {})])
    if (!byId.has(id)) throw new UnknownRuleError(id);
  const locale = config.locale ?? "zh-CN";
  const options = config.options ?? {};
  const issues: Issue[] = [];
  for (const rule of rules) {
    const { id } = rule.meta;
    if (config.only && !config.only.includes(id)) continue;
    const sev = config.severity?.[id] ?? rule.meta.defaultSeverity;
    if (sev === "off") continue;
    // One context per rule, re-pointed at each table. `report` is one module-level function for every
    // rule and run (not a closure per run): optimised rule code inlines the function it calls, and a
    // per-run closure dies at the next full GC, which throws that optimised code away every time.
    const ctx: EngineContext = { table: tables[0], tableIndex: 0, tables, options, report, rule, sev, locale, issues };
    for (let tableIndex = 0; tableIndex < tables.length; tableIndex++) {
      ctx.table = tables[tableIndex];
      ctx.tableIndex = tableIndex;
      rule.check(ctx);
    }
  }
  return sortIssues(groupHabits(dropExplained(issues, rules), rules, tables));
}

/**
 * One cause, one finding: drops what a rule's `supersedes` replaces on the same table, then a
 * `fallback` rule's issues on cells another rule reported.
 */
function dropExplained(issues: Issue[], rules: readonly Rule[]): Issue[] {
  const meta = new Map(rules.map((r) => [r.meta.id, r.meta]));
  const replaced = new Set<string>();
  for (const i of issues) {
    const list = meta.get(i.rule)?.supersedes?.[i.messageId];
    if (list) for (const target of list) replaced.add(`${i.table}|${target}`);
  }
  const kept = replaced.size === 0 ? issues : issues.filter((i) => !replaced.has(`${i.table}|${i.rule}`) && !replaced.has(`${i.table}|${i.rule}:${i.messageId}`));
  const specific = new Set<string>();
  for (const i of kept) if (!meta.get(i.rule)?.fallback) specific.add(`${i.table}|${i.sheet}!${i.cell}`);
  return kept.filter((i) => !meta.get(i.rule)?.fallback || !specific.has(`${i.table}|${i.sheet}!${i.cell}`));
}

/** Gives the issues of a habit (a groupable rule's message on GROUP_MIN or more cells of a table) one group key. */
function groupHabits(issues: Issue[], rules: readonly Rule[], tables: readonly ProjectTable[]): Issue[] {
  const groupable = new Set(rules.filter((r) => r.meta.groupable).map((r) => r.meta.id));
  const byKey = new Map<string, Issue[]>();
  for (const i of issues) {
    if (!groupable.has(i.rule) || i.table === null) continue;
    const anchor = tables[i.table]?.range.split(":")[0] ?? String(i.table);
    const key = `${i.rule}:${i.messageId}@${i.sheet}!${anchor}`;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  }
  for (const [key, list] of byKey) if (list.length >= GROUP_MIN) for (const i of list) i.group = key;
  return issues;
}

/** The context a rule sees, plus what `report` needs (an object literal: its shape outlives every run). */
interface EngineContext extends RuleContext {
  rule: Rule;
  sev: Severity;
  locale: Locale;
  issues: Issue[];
}

function report(this: EngineContext, d: ReportDescriptor): void {
  const { rule, sev, table } = this;
  const { id } = rule.meta;
  if (!rule.meta.messageIds.includes(d.messageId))
    throw new Error(`rule ${id} reported undeclared message id "${d.messageId}"`);
  if (d.fix && !rule.meta.fixable) throw new Error(`rule ${id} is not fixable but reported a fix`);
  if (d.suggestions && !rule.meta.hasSuggestions)
    throw new Error(`rule ${id} does not declare suggestions but reported some`);
  const data = d.data ?? {};
  this.issues.push({
    rule: id,
    severity: rule.meta.messagePolicy?.[d.messageId] ? milder(sev, POLICY_SEVERITY[policyOf(rule.meta, d.messageId)]) : sev,
    messageId: d.messageId,
    message: formatMessage(this.locale, id, d.messageId, data),
    sheet: table.sheet,
    cell: d.cell ?? table.range.split(":")[0],
    table: this.tableIndex,
    data,
    ...(d.fix ? { fix: d.fix } : {}),
    ...(d.suggestions ? { suggestions: d.suggestions } : {}),
  });
}

export function sortIssues(issues: Issue[]): Issue[] {
  // Sort keys computed once per issue, not in every comparison.
  const keyed = issues.map((issue, i) => ({ issue, i, t: issue.table ?? -1, c: cellOrder(issue.cell), s: SEVERITY_RANK[issue.severity] }));
  keyed.sort((a, b) => a.t - b.t || a.c - b.c || a.s - b.s || a.i - b.i);
  return keyed.map((x) => x.issue);
}

/** Row-major position of an issue's cell; -1 (first) for none. */
function cellOrder(cell: string | null): number {
  const p = cell ? parseA1(cell) : null;
  return p ? p.row * (LAST_COL + 1) + p.col : -1;
}
