import type { ProjectTable } from "../model/schema";
import type { Rule } from "./types";
import { goalKey, normText, projectLabel } from "./utils/text";

/** At least this share of a table's indicator rows must be copies … */
export const COPIED_SHARE = 0.6;
/** … and at least this many rows. */
export const COPIED_MIN_ROWS = 3;

/** The row keys (normalised name | value) of a table's named indicator rows, in row order. */
function rowKeys(t: ProjectTable): string[] {
  const keys: string[] = [];
  for (const r of t.indicators) {
    const name = normText(r.name.value);
    if (name !== "") keys.push(`${name}|${normText(r.value.raw)}`);
  }
  return keys;
}

function goalText(t: ProjectTable): string {
  const lines = t.goals.length > 0 ? t.goals.map((g) => g.text) : [t.goal.value ?? ""];
  return lines.map(goalKey).join("|");
}

/**
 * Row keys and goal texts of every table, with an inverted index; built once per run (per tables
 * array). Row keys are interned as small integers, so the index and the per-table counting compare
 * and hash numbers, not strings.
 */
interface WorkbookIndex {
  /** Per table, the ids of its row keys in row order (repeats kept). */
  keys: Int32Array[];
  /** Row key id → indices of the tables holding it, ascending, each once (first of identical tables only). */
  byKey: number[][];
  goals: string[];
  /** Goal text → index of the first table with it. */
  firstGoal: Map<string, number>;
  /** Scratch counters (rows shared with table j), all 0 between checks, and the indices set. */
  counts: Int32Array;
  touched: number[];
}

const INDEX = new WeakMap<readonly ProjectTable[], WorkbookIndex>();

function workbookIndex(tables: readonly ProjectTable[]): WorkbookIndex {
  const cached = INDEX.get(tables);
  if (cached) return cached;
  const ids = new Map<string, number>();
  const keys = tables.map((t) => {
    const list = rowKeys(t);
    const out = new Int32Array(list.length);
    for (let i = 0; i < list.length; i++) {
      let id = ids.get(list[i]);
      if (id === undefined) ids.set(list[i], (id = ids.size));
      out[i] = id;
    }
    return out;
  });
  const byKey: number[][] = [];
  for (let id = 0; id < ids.size; id++) byKey.push([]);
  // Tables with the same rows are interchangeable: only the first of each is indexed (ties go to the
  // earliest table anyway), which keeps the lists short when a workbook holds many identical tables.
  const seen = new Set<string>();
  keys.forEach((list, t) => {
    const signature = list.slice().sort().join(",");
    if (seen.has(signature)) return;
    seen.add(signature);
    for (let i = 0; i < list.length; i++) {
      const at = byKey[list[i]];
      if (at[at.length - 1] !== t) at.push(t); // a key repeated within the table is listed once
    }
  });
  const goals = tables.map(goalText);
  const firstGoal = new Map<string, number>();
  goals.forEach((g, t) => {
    if (!firstGoal.has(g)) firstGoal.set(g, t);
  });
  const index = { keys, byKey, goals, firstGoal, counts: new Int32Array(tables.length), touched: [] };
  INDEX.set(tables, index);
  return index;
}

/**
 * Indicator rows copied from another table of the workbook (domain §f8: 项目2 is 项目1 with two
 * figures changed, down to the cost row “会场布置总成本” on a machinery-rental project). A row counts
 * as copied when its name and value (and so also name + description + value) equal a row of an
 * earlier table. Reported on the later table, naming the earlier one by project name and range.
 * The same rule reports a 绩效目标 copied word for word from an earlier table (§f6).
 */
export const rule: Rule = {
  meta: {
    id: "copied-indicators",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["copied", "copiedGoal"],
    sources: ["domain §f8", "domain §f6", "domain §a5 相关性", "88号 相关性 [R]"],
    fixable: false,
    hasSuggestions: false,
    scope: "workbook",
    policy: "review",
    opinion: "指标与项目的相关性不够",
  },
  check(ctx) {
    const { table, tables, tableIndex } = ctx;
    const index = workbookIndex(tables);
    const keys = index.keys[tableIndex];
    if (keys.length >= COPIED_MIN_ROWS) {
      // rows of this table found in each earlier table (a counter per table, reset after use)
      const counts = index.counts;
      const touched = index.touched;
      touched.length = 0;
      for (let i = 0; i < keys.length; i++) {
        const at = index.byKey[keys[i]];
        for (const j of at) {
          if (j >= tableIndex) break;
          if (counts[j]++ === 0) touched.push(j);
        }
      }
      let best: { j: number; count: number } | null = null;
      for (const j of touched) {
        const count = counts[j];
        counts[j] = 0;
        if (best === null || count > best.count || (count === best.count && j < best.j)) best = { j, count };
      }
      if (best && best.count >= COPIED_MIN_ROWS && best.count / keys.length >= COPIED_SHARE) {
        const other = tables[best.j];
        ctx.report({
          messageId: "copied",
          cell: null,
          data: {
            count: best.count,
            total: keys.length,
            project: projectLabel(other),
            sheet: other.sheet,
            range: other.range,
          },
        });
      }
    }
    if (tableIndex === tables.length - 1) INDEX.delete(tables); // the run is over: next run reads afresh
    const goal = index.goals[tableIndex];
    const first = index.firstGoal.get(goal) ?? tableIndex;
    if (goal.replace(/\|/g, "").length >= 8 && first < tableIndex) {
      const other = tables[first];
      ctx.report({
        messageId: "copiedGoal",
        cell: table.goal.cell ?? table.goals[0]?.cell ?? null,
        data: { project: projectLabel(other), sheet: other.sheet, range: other.range },
      });
    }
  },
};
