/**
 * One cause, one finding in the pane: the issues of a habit repeated on many cells (same `group` key)
 * fold into one finding that lists its cells, and the headline counts count it once.
 */
import type { Issue, Severity } from "../core/model/schema";

export interface Finding {
  /** The first issue of the finding: its severity, rule and message stand for all. */
  issue: Issue;
  /** Every issue of the finding, in list order (just `issue` for a single one). */
  members: Issue[];
}

/** The findings of an issue list, kept while the list is the same array (the tab label and the 检查 tab both ask). */
const FOLDED = new WeakMap<readonly Issue[], Finding[]>();

/** Folds grouped issues into one finding each, at the place of the group's first issue. */
export function foldIssues(issues: readonly Issue[]): Finding[] {
  let out = FOLDED.get(issues);
  if (!out) FOLDED.set(issues, (out = fold(issues)));
  return out;
}

function fold(issues: readonly Issue[]): Finding[] {
  const out: Finding[] = [];
  const byGroup = new Map<string, Finding>();
  for (const issue of issues) {
    if (issue.group === undefined) {
      out.push({ issue, members: [issue] });
      continue;
    }
    // Groups are per table; the pane re-runs tables one by one, so key by table too.
    const key = `${issue.table}|${issue.group}`;
    const f = byGroup.get(key);
    if (f) f.members.push(issue);
    else {
      const nf = { issue, members: [issue] };
      byGroup.set(key, nf);
      out.push(nf);
    }
  }
  return out;
}

/** Findings per severity (a group counts once). */
export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.issue.severity]++;
  return c;
}
