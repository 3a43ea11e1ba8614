import type { Rule } from "./types";
import type { IndicatorRow, ProjectTable } from "../model/schema";
import { clean, normText } from "./utils/text";
import { processKind } from "./process-indicator";
import { queryHits, rankHits, standardEntriesNamed, type QueryHits, type SearchIndex, type SearchResult, type TextHit } from "../library/search";
import { inLevel1 } from "../library/categories";
import type { LibraryEntry } from "../library/schema";
import { replacementEdits, tableProjectTypes } from "../library/suggest";
import type { InferredType } from "../library/project-types";

/**
 * A free-written 三级 name for which the indicator library has a close standard wording (domain §e,
 * §b1): the name is not a standard name itself, and an entry of the same 一级 matches it as a known
 * variant (alias) or closely (prefix, substring, or fuzzy score ≥ CLOSE). The report carries up to
 * three suggestions, each replacing the row's name, description and — when it does not fit —
 * value (library/suggest.ts replacementEdits).
 *
 * Not reported, as noise (docs/rules/nonstandard-wording.md): a standard name with a qualifier in
 * front (经济开发区服务覆盖率 ends with 服务覆盖率); a known variant whose standard wording only adds
 * 项目/工程 (完成时间 → 项目完成时间); a close match that measures something else (a rate for a count,
 * a cost for a quantity: 培训人次达标率 ≠ 培训人次).
 *
 * Options: `libraryIndex`, the SearchIndex of the library to use (library/builtin-index.ts
 * builtinSearchIndex for the built-in one, or a merged custom library). Without it the rule reports
 * nothing: the library's data is not part of the rules, so that the task pane can load it lazily.
 * Process measures are left to process-indicator.
 *
 * Speed: everything that depends on the name only (normalisation, the process and standard checks,
 * the text matches against the library) is computed once per index and name; the ranking under a
 * row's context (一级, 二级, the project's types) once per name and context; per row only the report.
 */

const CLOSE = 0.62;
const MAX_SUGGESTIONS = 3;
/** Entries ranked before the filters (as suggestForRow with limit 8). */
const RANKED = 8;
/** Qualifiers that do not make a standard wording better than the written one (完成时间 → 项目完成时间). */
const GENERIC_QUALIFIERS = ["项目", "工程"];

/** What an indicator name measures, by its last word; null when the ending says nothing. */
const MEASURES: readonly [string, RegExp][] = [
  ["rate", /(率|比例|比率|占比|比重)$/],
  ["money", /(成本|费用|金额|经费|资金|投资额|价格|单价|造价)$/],
  ["count", /(数|数量|次|里程|长度|面积)$/],
  ["time", /(时间|日期|时限|期限|工期|周期)$/],
  ["satisfaction", /满意度$/],
];

function measureOf(key: string): string | null {
  for (const [kind, re] of MEASURES) if (re.test(key)) return kind;
  return null;
}

interface TableTypes {
  types: readonly InferredType[];
  /** The types and their scores as one string (a cache key). */
  key: string;
}

const TYPES = new WeakMap<ProjectTable, TableTypes & { name: string | null; purpose: string | null; goals: string[] }>();

/**
 * The project types of a table, remembered while its name, 资金用途 and goals stay the same (the
 * same table is checked again on every run; a changed text is seen by comparing the strings).
 */
function tableTypes(table: ProjectTable): TableTypes {
  const hit = TYPES.get(table);
  const goals = table.goals;
  if (
    hit &&
    hit.name === table.projectName.value &&
    hit.purpose === table.purpose.value &&
    hit.goals.length === goals.length &&
    goals.every((g, i) => g.text === hit.goals[i])
  )
    return hit;
  const types = tableProjectTypes(table);
  const key = types.map((t) => `${t.type}:${t.score}`).join(",");
  const entry = { name: table.projectName.value, purpose: table.purpose.value, goals: goals.map((g) => g.text), types, key };
  TYPES.set(table, entry);
  return entry;
}

function isIndex(v: unknown): v is SearchIndex {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "library-index";
}

/** The outcome for one name under one context: the report's shared parts. */
interface Outcome {
  messageId: "alias" | "close";
  entries: LibraryEntry[];
  /** The report's data except `name`. */
  data: Record<string, string>;
  /** Suggestion texts, one per entry. */
  texts: string[];
}

/** A name (normalised) under one 一级: the text matches that could be reported, whatever the context. */
interface NameInLevel1 {
  /** Every text match (the ranking needs them all: entries that cannot be reported still take places). */
  hits: QueryHits;
  /** The entries that pass the filters that do not depend on the row's context. */
  passing: Set<LibraryEntry>;
  /** The name is a standard name of the 一级 with a qualifier in front (see qualifiedStandard). */
  qualified: boolean;
  /** 二级 → the project's types (TableTypes.key) → outcome (null: nothing to report). */
  outcomes: Map<string | null, Map<string, Outcome | null>>;
}

/** A name that passed the name-only checks. */
interface NameInfo {
  key: string;
  /** The key without a unit in brackets at the end (受益人数(人) → 受益人数): what correction() compares. */
  bare: string;
  measure: string | null;
  /** By 一级; null when nothing can be reported for the name in that 一级, whatever the context. */
  level1: Map<string, NameInLevel1 | null>;
}

interface Prep {
  /** Raw name → its facts, or null when the name is never reported (too short, process measure, standard). */
  names: Map<string, NameInfo | null>;
  /** Key → text matches against the library (names written differently share them). */
  hits: Map<string, QueryHits>;
}

/**
 * A name that holds a value or a template's blank (项目总成本(≤**万元), 游客满意度(≥**%)): it has to be
 * rewritten whatever its wording, and placeholder-left reports the blank.
 */
const VALUE_IN_NAME = /[≥≤＞＜><=＝]|[*＊×Xx]{2}/;
/** A unit in brackets after the name: 受益人数(人), 覆盖率（%）. */
const UNIT_SUFFIX = /\s*[（(][^（）()]{1,4}[）)]\s*$/;

const PREP = new WeakMap<SearchIndex, Prep>();
const MAX_NAMES = 20000;
const MAX_HITS = 10000;
const MAX_OUTCOMES = 2000;

function prepOf(index: SearchIndex): Prep {
  let p = PREP.get(index);
  if (!p) PREP.set(index, (p = { names: new Map(), hits: new Map() }));
  return p;
}

function nameInfo(prep: Prep, index: SearchIndex, name: string): NameInfo | null {
  let info = prep.names.get(name);
  if (info !== undefined) return info;
  const key = normText(name);
  if (key.length < 2 || processKind(name) !== null || index.standardKeys.has(key) || VALUE_IN_NAME.test(name)) info = null;
  else {
    const bare = normText(name.replace(UNIT_SUFFIX, "")) || key;
    info = { key, bare, measure: measureOf(bare), level1: new Map() };
  }
  if (prep.names.size >= MAX_NAMES) prep.names.clear();
  prep.names.set(name, info);
  return info;
}

/** The written name is a standard name of the 一级 with a qualifier in front (经济开发区 + 服务覆盖率). */
function qualifiedStandard(index: SearchIndex, key: string, level1: string): boolean {
  // Suffixes at least half as long as the name, as for the containedIn filter.
  for (let i = 1; (key.length - i) * 2 >= key.length && key.length - i >= 2; i++) {
    const list = index.standardKeys.get(key.slice(i));
    if (list && list.some((n) => inLevel1(index.items[n].entry, level1))) return true;
  }
  return false;
}

/** The standard wording only puts 项目/工程 in front of the written name. */
function onlyGenericQualifier(index: SearchIndex, key: string, entry: LibraryEntry): boolean {
  return GENERIC_QUALIFIERS.some((g) => standardEntriesNamed(index, g + key).includes(entry));
}

/** Can this match be reported for the name in this 一级 (the filters that do not depend on the row)? */
function passes(index: SearchIndex, info: NameInfo, level1: string, n: number, hit: TextHit): boolean {
  const entry = index.items[n].entry;
  if (!inLevel1(entry, level1)) return false;
  const alias = hit.kind === "alias";
  // SearchResult.textScore is the text score rounded to 3 decimals.
  if (!alias && (hit.kind === "definition" || Math.round(hit.score * 1000) / 1000 < CLOSE)) return false;
  // A short standard name inside a long free text ("满意度" in "项目单位满意度") is not close.
  if (hit.kind === "containedIn" && hit.key.length * 2 < info.key.length) return false;
  if (alias) return true;
  // A close match that measures something else (a rate for a count) is not a better wording.
  if (info.measure !== null) {
    const m = measureOf(normText(entry.name));
    if (m !== null && m !== info.measure) return false;
  }
  return correction(info, entry.name);
}

/** Endings that name the same measure: a 时限 is a 时间, a 数量 a 数. */
const SAME_ENDINGS: readonly [RegExp, string][] = [
  [/(时间|时限|期限|日期)$/, "时间"],
  [/(数量|数)$/, "数"],
];

function sameEnding(key: string): string {
  for (const [re, to] of SAME_ENDINGS) if (re.test(key)) return key.replace(re, to);
  return key;
}

const OPTIONAL_PART = /（[^（）]*）|\([^()]*\)/g;
const sum = ([a, b]: [number, number]) => a + b;

/** The characters of `a` and of `b` outside their longest common subsequence. */
function extras(a: string, b: string): [number, number] {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(up, row[j - 1]);
      diag = up;
    }
  }
  const common = row[b.length];
  return [a.length - common, b.length - common];
}

/**
 * Whether a close standard name would correct the written one rather than
 * name another indicator (docs/rules/nonstandard-wording.md). Not a correction:
 * - the written name is the standard one with words added anywhere (享受资助人数达到预计值,
 *   购置设施设备质量合格率 — the standard made specific, as with a qualifier in front);
 * - the standard one adds words the officer did not write (学生满意度 → 学生家长满意度, 完成率 →
 *   及时完成率): it presumes what the project is; except a measure put after a name that names
 *   none (成本控制 → 成本控制率, 财政资金补助 → 财政资金补助标准);
 * - a name that says what it measures differs from the standard one in several characters on both
 *   sides (游客/观众, 排水/灌溉, 出差总成本/项目总成本): another object, not a slip; one character
 *   each way is a typo (验收合格律 → 验收合格率);
 * - they differ only in an ending of the same meaning (完成时限 / 完成时间, 人口数量 / 人口数).
 */
function correction(info: NameInfo, standardName: string): boolean {
  const written = sameEnding(info.bare);
  // The standard name as written, or without its optional part (项目（工程）完成及时率 → 项目完成及时率),
  // whichever is nearer the written one.
  const full = sameEnding(normText(standardName));
  const short = sameEnding(normText(standardName.replace(OPTIONAL_PART, "")));
  const standard = short !== full && sum(extras(written, short)) < sum(extras(written, full)) ? short : full;
  if (written === standard) return false;
  const [w, s] = extras(written, standard);
  if (s === 0) return false;
  if (w === 0) return info.measure === null && standard.startsWith(written);
  if (info.measure === null) return true;
  return w + s <= 2;
}

function inLevel1Of(index: SearchIndex, prep: Prep, info: NameInfo, level1: string): NameInLevel1 | null {
  let hits = prep.hits.get(info.key);
  if (!hits) {
    hits = queryHits(index, info.key);
    if (prep.hits.size >= MAX_HITS) prep.hits.clear();
    prep.hits.set(info.key, hits);
  }
  const passing = new Set<LibraryEntry>();
  let alias = false;
  for (const { n, hit } of hits.hits)
    if (passes(index, info, level1, n, hit)) {
      passing.add(index.items[n].entry);
      if (hit.kind === "alias") alias = true;
    }
  if (!passing.size) return null;
  const qualified = qualifiedStandard(index, info.key, level1);
  // A qualified standard name is reported only for a known variant (an alias must come first).
  if (qualified && !alias) return null;
  return { hits, passing, qualified, outcomes: new Map() };
}

/** The outcome under the row's context: the ranking of every match, then the reportable ones. */
function computeOutcome(index: SearchIndex, info: NameInfo, nl: NameInLevel1, level1: string, level2: string | null, types: readonly InferredType[]): Outcome | null {
  const close: SearchResult[] = [];
  for (const s of rankHits(index, nl.hits, { limit: RANKED, context: { level1, level2, types } })) {
    if (!nl.passing.has(s.entry)) continue;
    close.push(s);
    if (close.length === MAX_SUGGESTIONS) break;
  }
  if (!close.length) return null;
  const best = close[0];
  // A known variant is reported unless the standard only adds 项目/工程; a close match is not
  // reported when the name already is a standard name with a qualifier in front.
  if (best.match === "alias" ? onlyGenericQualifier(index, info.key, best.entry) : nl.qualified) return null;
  const e = best.entry;
  return {
    messageId: best.match === "alias" ? "alias" : "close",
    entries: close.map((s) => s.entry),
    data: {
      suggestion: e.name,
      level2: e.level2,
      unit: e.unit ?? "—",
      typical: e.typical || "—",
      others:
        close
          .slice(1)
          .map((s) => s.entry.name)
          .join("、") || "—",
    },
    texts: close.map((s) => `${s.entry.name}（${s.entry.typical || s.entry.definition}）`),
  };
}

export const rule: Rule = {
  meta: {
    id: "nonstandard-wording",
    type: "suggestion",
    defaultSeverity: "info",
    messageIds: ["alias", "close"],
    sources: ["domain §e", "domain §b1", "indicators.tsv", "指标库"],
    fixable: false,
    hasSuggestions: true,
    scope: "table",
    policy: "hint",
    opinion: "其他",
  },
  check(ctx) {
    const index = ctx.options.libraryIndex;
    if (!isIndex(index)) return;
    const prep = prepOf(index);
    const table = ctx.table;
    let types: TableTypes | null = null;
    for (const row of table.indicators) {
      const name = row.name.value;
      const l1 = row.level1.canonical;
      if (!name || l1 === null || !row.name.cell) continue;
      const info = nameInfo(prep, index, name);
      if (!info) continue;
      let nl = info.level1.get(l1);
      if (nl === undefined) info.level1.set(l1, (nl = inLevel1Of(index, prep, info, l1)));
      if (!nl) continue;
      // The project's types (from its name, 资金用途 and goals) rank the entries: once per table.
      types ??= tableTypes(table);
      const l2 = row.level2.canonical;
      let byTypes = nl.outcomes.get(l2);
      if (!byTypes) nl.outcomes.set(l2, (byTypes = new Map()));
      let outcome = byTypes.get(types.key);
      if (outcome === undefined) {
        outcome = computeOutcome(index, info, nl, l1, l2, types.types);
        if (byTypes.size >= MAX_OUTCOMES) byTypes.clear();
        byTypes.set(types.key, outcome);
      }
      if (outcome) report(ctx, row, name, outcome);
    }
  },
};

function report(ctx: Parameters<Rule["check"]>[0], row: IndicatorRow, name: string, o: Outcome): void {
  const table = ctx.table;
  ctx.report({
    messageId: o.messageId,
    cell: row.name.cell,
    data: { name: clean(name), ...o.data },
    suggestions: o.entries.map((entry, i) => ({ text: o.texts[i], edits: replacementEdits(table, row, entry) })),
  });
}
