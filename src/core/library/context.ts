/**
 * Context-first suggestions: the library entries that fit a table before anything is typed. The
 * table's project type is inferred from its name, 资金用途 and 绩效目标 (with the words that gave it
 * away); then, for each core category the table lacks, or fills only with process indicators
 * (资金拨付到位率 as the 数量指标), a group of that category's entries for the project type, headed
 * by its reason ("本表缺少数量指标（产出）"); last, other entries of the type. The pane's 指标库 tab
 * and `jixiao suggest --for` print the same list (contextText renders the headings).
 */
import type { IndicatorRow, ProjectTable } from "../model/schema";
import { processKind } from "../rules/process-indicator";
import { normText } from "../rules/utils/text";
import { entryCategoryFor, entryKeys, sameLevel2 } from "./categories";
import { GENERAL_TYPE, type InferredType } from "./project-types";
import type { LibraryEntry } from "./schema";
import { search, type SearchIndex } from "./search";
import { tableProjectTypes } from "./suggest";

/** Why a group is offered. `block` is the 一级 the category belongs to, without 指标 (产出, 成本 …). */
export type ContextReason =
  | { code: "missing"; category: string; block: string }
  | { code: "processOnly"; category: string; block: string; names: string[] }
  | { code: "typeFit" };

export interface ContextGroup {
  reason: ContextReason;
  /** The project type the entries were chosen for (null: general entries). */
  type: string | null;
  entries: LibraryEntry[];
}

export interface TableContext {
  /** The inferred project type (best), or null when nothing in the table suggests one. */
  type: InferredType | null;
  groups: ContextGroup[];
}

/** The categories every table should fill, by form: [一级, 二级]. */
const CORE: Record<"88" | "101", readonly [string, string][]> = {
  "88": [
    ["产出指标", "数量指标"],
    ["产出指标", "质量指标"],
    ["产出指标", "时效指标"],
    ["产出指标", "成本指标"],
    ["效益指标", "社会效益指标"],
    ["满意度指标", "服务对象满意度指标"],
  ],
  "101": [
    ["产出指标", "数量指标"],
    ["产出指标", "质量指标"],
    ["产出指标", "时效指标"],
    ["成本指标", "经济成本指标"],
    ["效益指标", "社会效益指标"],
    ["满意度指标", "服务对象满意度指标"],
  ],
};

const named = (r: IndicatorRow) => (r.name.value ?? "").trim() || (r.description.value ?? "").trim();

/**
 * The context-first list for a table: per lacking or process-only core category a group of entries
 * for the inferred type (`perGroup` each, entries the table already names left out), then `perGroup`
 * other entries of the type. A table with every core category filled gets the type group only.
 */
export function tableContext(index: SearchIndex, table: ProjectTable, opts: { perGroup?: number; types?: readonly InferredType[] } = {}): TableContext {
  const perGroup = opts.perGroup ?? 5;
  const types = [...(opts.types ?? tableProjectTypes(table))];
  const best = types[0] ?? null;
  const type = best?.type ?? null;
  const form = table.form === "101" ? "101" : "88";
  const present = new Set(table.indicators.map(named).filter(Boolean).map((n) => normText(n)));
  const taken = new Set<string>();
  const fresh = (e: LibraryEntry) => !taken.has(e.id) && !entryKeys(e).keys.some((k) => present.has(k)) && entryCategoryFor(e, form) !== null;
  const pick = (level2: string | null, n: number): LibraryEntry[] => {
    const out: LibraryEntry[] = [];
    for (const r of search(index, "", { level2, type: type ?? GENERAL_TYPE, limit: 200, context: { types } })) {
      if (out.length >= n) break;
      // The type's own entries first (ranked so); general ones fill up. Without a type: general ones.
      if (fresh(r.entry)) out.push(r.entry);
    }
    for (const e of out) taken.add(e.id);
    return out;
  };
  const groups: ContextGroup[] = [];
  for (const [level1, level2] of CORE[form]) {
    const rows = table.indicators.filter((r) => named(r) && sameLevel2(r.level2.canonical, level2));
    const block = level1.replace(/指标$/, "");
    let reason: ContextReason | null = null;
    if (rows.length === 0) reason = { code: "missing", category: level2, block };
    else if (rows.every((r) => processKind(r.name.value ?? r.description.value) !== null))
      reason = { code: "processOnly", category: level2, block, names: rows.map(named) };
    if (!reason) continue;
    const entries = pick(level2, perGroup);
    if (entries.length) groups.push({ reason, type, entries });
  }
  if (type) {
    const entries = pick(null, perGroup);
    if (entries.length) groups.push({ reason: { code: "typeFit" }, type, entries });
  }
  return { type: best, groups };
}
