/**
 * The one severity order and the one mark palette: the engine sorts issues by it, the pane lists and
 * marks by it, the adapter keeps a cell's worst mark by it, the CLI's notes and fills follow it.
 */
import type { Severity } from "./schema";

/**
 * Every severity, worst first: error, warning, info. SeveritySchema (schema.ts) is built from this
 * list, so that code needing only the order does not load zod.
 */
export const SEVERITIES = ["error", "warning", "info"] as const;

/** Position in SEVERITIES: 0 for the worst, so an ascending sort puts the worst first. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

/** True when `a` is worse than `b`. */
export function worse(a: Severity, b: Severity): boolean {
  return SEVERITY_RANK[a] < SEVERITY_RANK[b];
}

/** The worst of some severities; null for none. */
export function worstSeverity(severities: Iterable<Severity>): Severity | null {
  let w: Severity | null = null;
  for (const s of severities) if (w === null || worse(s, w)) w = s;
  return w;
}

/**
 * The fill of a cell marked for its worst issue, "#RRGGBB": Excel's own light red ("Bad") and light
 * amber ("Neutral") cell styles, and a light blue. The pane's highlights (src/excel) and the CLI's
 * annotated copy (`--out`) both use it; docs/highlighting.md shows it.
 */
export const MARK_COLORS: Readonly<Record<Severity, string>> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };
