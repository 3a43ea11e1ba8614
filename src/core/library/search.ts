/**
 * Search over an indicator library: build an index once (createSearchIndex), then query it per
 * keystroke (search). Pure and synchronous; no pinyin-pro here — pinyin comes precomputed with the
 * entries (built-in) or from a provider passed at index build (custom entries without it).
 *
 * Matching, per searchable key of an entry (entryKeys: the standard name and its variants, then the
 * aliases), on normalised text (normText):
 *   exact (1.0) > alias exact (0.96) > prefix > substring (the query inside a name) > the name inside
 *   a longer free text > fuzzy (IDF-weighted character-bigram Dice, or edit distance).
 *   Latin queries are pinyin: initials (xmyshgl) or full (xiangmuyanshou), or a mix by syllable
 *   prefixes (xmyanshou).
 * Ranking: textScore × 100, plus context (the target row's 二级 +15, same 一级 +4; the project's
 * inferred types up to +10, 通用 +3); an exact standard name gets +50 so it always comes first.
 */
import { normText } from "../rules/utils/text";
import type { LibraryEntry } from "./schema";
import { entryKeys, inLevel1, level2Class, sameLevel2 } from "./categories";
import { levenshtein } from "./text";
import { GENERAL_TYPE, inferProjectTypes, type InferredType, type ProjectText } from "./project-types";

export type MatchKind =
  | "exact"
  | "alias"
  | "prefix"
  | "contains"
  | "containedIn"
  | "fuzzy"
  | "pinyinInitials"
  | "pinyinFull"
  | "pinyin"
  | "definition"
  | "browse";

/** Why a result fits; rendered with the catalogs (cli.library.reason.<code>) by reasonText. */
export interface Reason {
  code: MatchKind | "level2" | "level1" | "projectType" | "typeMatch" | "general";
  data?: Record<string, string | number>;
}

export interface SearchResult {
  entry: LibraryEntry;
  /** Ranking score (higher first): textScore × 100 + context + 50 for an exact standard name. */
  score: number;
  /** How well the text matches, 0–1. */
  textScore: number;
  match: MatchKind;
  /** The normalised key that matched (name variant or alias). */
  matchedKey: string;
  reasons: Reason[];
}

export interface SearchContext extends ProjectText {
  /** The target row's 二级 / 一级 (ranking, not filtering). */
  level2?: string | null;
  level1?: string | null;
  /** Project types to favour; inferred from projectName / purpose / goals when absent. */
  types?: readonly InferredType[];
}

export interface SearchOptions {
  /** Filters (hard): 一级 / 二级 (either form: 成本指标 ≡ 经济成本指标), project type (通用 entries always pass). */
  level1?: string | null;
  level2?: string | null;
  type?: string | null;
  /** Default 10. */
  limit?: number;
  context?: SearchContext;
}

/** Turns a key into space-separated pinyin syllables (src/core/library/pinyin.ts pinyinOf). */
export type PinyinProvider = (text: string) => string;

interface PinyinKey {
  /** The syllables as stored ("xiang mu yan shou"). */
  text: string;
  full: string;
  initials: string;
  /** Split on first use (only mixed queries need them). */
  syllables: string[] | null;
}

interface Item {
  entry: LibraryEntry;
  keys: string[];
  /** keys[0 .. standard-1] are standard wordings, the rest aliases. */
  standard: number;
  grams: number[][];
  py: (PinyinKey | null)[];
  /** Bit mask of the letters a–z in the item's pinyin. */
  letters: number;
  def: string;
  types: readonly string[];
}

export interface SearchIndex {
  readonly kind: "library-index";
  readonly entries: readonly LibraryEntry[];
  /** @internal */
  readonly items: readonly Item[];
  /** @internal character → small id; a bigram's code is id1 × 32768 + id2 (a small integer). */
  readonly charIds: ReadonlyMap<number, number>;
  /** @internal bigram code → item numbers (ascending, unique). */
  readonly postings: ReadonlyMap<number, number[]>;
  /** @internal bigram code → inverse document frequency. */
  readonly idf: ReadonlyMap<number, number>;
  /** @internal standard key → item numbers. */
  readonly standardKeys: ReadonlyMap<string, number[]>;
}

export interface IndexOptions {
  /** Computes pinyin for entries that carry none (custom ones). Without it they get no pinyin keys. */
  pinyin?: PinyinProvider;
}

function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) m |= 1 << c;
  }
  return m;
}

/** full and initials of "xiang mu 2 xing" in one pass: "xiangmu2xing", "xm2x" (digits stay whole). */
const INITIALS: number[] = [];

function pinyinKey(text: string): PinyinKey | null {
  const full = text.indexOf(" ") < 0 ? text : text.replace(/ /g, "");
  if (!full) return null;
  let n = 0;
  let start = true;
  let digits = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      start = true;
      continue;
    }
    if (start) {
      INITIALS[n++] = c;
      digits = c >= 48 && c <= 57;
    } else if (digits) INITIALS[n++] = c;
    start = false;
  }
  INITIALS.length = n;
  return { text, full, initials: String.fromCharCode.apply(null, INITIALS), syllables: null };
}

/** Bigram codes of a key; with `add`, characters not yet known get an id, else their bigrams give -1. */
function gramCodes(charIds: Map<number, number>, s: string, add: boolean): number[] {
  const id = (c: number): number => {
    let v = charIds.get(c);
    if (v === undefined) {
      if (!add) return -1;
      v = charIds.size;
      charIds.set(c, v);
    }
    return v;
  };
  if (s.length < 2) return s ? [id(s.charCodeAt(0))] : [];
  const out: number[] = [];
  let prev = id(s.charCodeAt(0));
  for (let i = 1; i < s.length; i++) {
    const cur = id(s.charCodeAt(i));
    const code = prev < 0 || cur < 0 ? -1 : prev * 32768 + cur;
    if (!out.includes(code)) out.push(code);
    prev = cur;
  }
  return out;
}

function push<K>(map: Map<K, number[]>, key: K, n: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [n]);
  else if (list[list.length - 1] !== n) list.push(n);
}

/** Builds the index of a library (entries in the order given; ids should be unique). */
export function createSearchIndex(entries: readonly LibraryEntry[], options: IndexOptions = {}): SearchIndex {
  const items: Item[] = [];
  const postings = new Map<number, number[]>();
  const charIds = new Map<number, number>();
  const standardKeys = new Map<string, number[]>();
  entries.forEach((entry, n) => {
    const { keys, standard } = entryKeys(entry);
    const grams = keys.map((k) => gramCodes(charIds, k, true));
    let pys: (string | null)[];
    if (entry.pinyin && entry.pinyin.length === keys.length) pys = entry.pinyin;
    else if (options.pinyin) pys = keys.map(options.pinyin);
    else pys = keys.map(() => null);
    const py = pys.map((p) => (p ? pinyinKey(p) : null));
    let letters = 0;
    for (const p of py) if (p) letters |= letterMask(p.full);
    // Definitions are searched as written, lower-cased (normText per definition costs too much at 5,000).
    items.push({ entry, keys, standard, grams, py, letters, def: entry.definition.toLowerCase(), types: entry.types });
    for (let i = 0; i < grams.length; i++) {
      const g = grams[i];
      for (let j = 0; j < g.length; j++) if (g[j] >= 0) push(postings, g[j], n);
    }
    for (const k of keys.slice(0, standard)) push(standardKeys, k, n);
  });
  const idf = new Map<number, number>();
  const total = items.length || 1;
  for (const [g, list] of postings) idf.set(g, Math.log(1 + total / list.length));
  return { kind: "library-index", entries, items, charIds, postings, idf, standardKeys };
}

/** Is the text (normalised) a standard wording of some entry? Returns those entries. */
export function standardEntriesNamed(index: SearchIndex, text: string | null | undefined): LibraryEntry[] {
  const k = normText(text);
  return (index.standardKeys.get(k) ?? []).map((n) => index.items[n].entry);
}

// ---------------------------------------------------------------------------------------------
// Text scoring

const MIN_TEXT_SCORE = 0.35;
/** Weight of a query bigram no entry has. */
const MAX_IDF = 8;
const ALIAS_FACTOR = 0.96;

function weightedDice(index: SearchIndex, qGrams: readonly number[], qSet: ReadonlySet<number>, kGrams: readonly number[]): number {
  let common = 0;
  let qw = 0;
  let kw = 0;
  for (const g of qGrams) qw += index.idf.get(g) ?? MAX_IDF;
  for (const g of kGrams) {
    const w = index.idf.get(g) ?? 1;
    kw += w;
    if (qSet.has(g)) common += w;
  }
  return qw + kw > 0 ? (2 * common) / (qw + kw) : 0;
}

/** The kind of the last key match (set by chineseKeyScore / pinyinKeyScore; avoids a tuple per key). */
let KIND: MatchKind = "fuzzy";

function chineseKeyScore(index: SearchIndex, q: string, qGrams: readonly number[], qSet: ReadonlySet<number>, k: string, kGrams: readonly number[]): number {
  KIND = "fuzzy";
  if (q === k) return (KIND = "exact"), 1;
  if (k.startsWith(q)) return (KIND = "prefix"), 0.72 + 0.25 * (q.length / k.length);
  if (k.includes(q)) return (KIND = "contains"), 0.62 + 0.3 * (q.length / k.length);
  if (k.length >= 2 && q.includes(k)) return (KIND = "containedIn"), 0.45 + 0.4 * (k.length / q.length);
  if (q.length < 2) return 0;
  const dice = weightedDice(index, qGrams, qSet, kGrams);
  if (dice === 0) return 0;
  const lev = q.length <= 24 && k.length <= 24 ? 1 - levenshtein(q, k) / Math.max(q.length, k.length) : 0;
  return Math.min(0.86, Math.max(dice * 0.9, lev * 0.85));
}

/** Matches q as consecutive syllable prefixes (each syllable given whole or by its start). */
function syllablePrefixMatch(q: string, syl: readonly string[], start: number): number {
  // Returns the number of syllables consumed, or -1. Depth-first with the longest prefix first.
  const go = (qi: number, si: number): number => {
    if (qi === q.length) return si - start;
    if (si >= syl.length) return -1;
    const s = syl[si];
    for (let len = Math.min(s.length, q.length - qi); len >= 1; len--) {
      if (q.startsWith(s.slice(0, len), qi)) {
        const r = go(qi + len, si + 1);
        if (r >= 0) return r;
      }
    }
    return -1;
  };
  return go(0, start);
}

function pinyinKeyScore(q: string, p: PinyinKey): number {
  const { full, initials } = p;
  KIND = "pinyinFull";
  if (q === full) return 0.98;
  if (q.length === 1) return (KIND = "pinyinInitials"), initials.charCodeAt(0) === q.charCodeAt(0) ? 0.55 : 0;
  if (q === initials) return (KIND = "pinyinInitials"), 0.97;
  if (full.startsWith(q)) return 0.72 + 0.25 * (q.length / full.length);
  if (initials.startsWith(q)) return (KIND = "pinyinInitials"), 0.7 + 0.25 * (q.length / initials.length);
  if (q.length >= 3 && full.includes(q)) return 0.6 + 0.25 * (q.length / full.length);
  if (initials.includes(q)) return (KIND = "pinyinInitials"), 0.58 + 0.25 * (q.length / initials.length);
  // Mixed: "xmyanshou", "xiangmuysgl" — syllable prefixes from some syllable on.
  KIND = "pinyin";
  const syllables = p.syllables ?? (p.syllables = p.text.split(" ").filter(Boolean));
  for (let s = 0; s < syllables.length; s++) {
    if (syllables[s].charCodeAt(0) !== q.charCodeAt(0)) continue;
    const used = syllablePrefixMatch(q, syllables, s);
    if (used > 0) return 0.56 + 0.3 * (used / syllables.length) + (s === 0 ? 0.05 : 0);
  }
  return 0;
}

/** How a query's text matches one entry (its best key). */
export interface TextHit {
  /** 0–1 (SearchResult.textScore is this, rounded to 3 decimals). */
  score: number;
  kind: MatchKind;
  key: string;
}

function scoreItem(index: SearchIndex, item: Item, q: string, latin: boolean, qGrams: readonly number[], qSet: ReadonlySet<number>, qMask: number): TextHit | null {
  let best: TextHit | null = null;
  for (let i = 0; i < item.keys.length; i++) {
    let s: number;
    if (latin) {
      const p = item.py[i];
      if (!p) continue;
      s = pinyinKeyScore(q, p);
    } else s = chineseKeyScore(index, q, qGrams, qSet, item.keys[i], item.grams[i]);
    let kind = KIND;
    if (i >= item.standard) {
      s *= ALIAS_FACTOR;
      if (kind === "exact") kind = "alias";
    }
    if (s > 0 && (!best || s > best.score)) best = { score: s, kind, key: item.keys[i] };
  }
  if (latin) {
    // Latin letters may also be written in a name (PM2.5, R&D).
    if ((item.letters & qMask) !== qMask && !best) return null;
    for (const k of item.keys)
      if (k.includes(q)) {
        const s = 0.62 + 0.3 * (q.length / k.length);
        if (!best || s > best.score) best = { score: s, kind: "contains", key: k };
      }
  } else if ((!best || best.score < 0.4) && q.length >= 2 && item.def.includes(q)) {
    best = { score: 0.4, kind: "definition", key: item.keys[0] };
  }
  return best && best.score >= MIN_TEXT_SCORE ? best : null;
}

// ---------------------------------------------------------------------------------------------
// Filters and context

function passes(item: Item, opts: SearchOptions): boolean {
  const e = item.entry;
  if (opts.level1 && !inLevel1(e, opts.level1)) return false;
  if (opts.level2 && !sameLevel2(e.level2, opts.level2)) return false;
  if (opts.type && !item.types.includes(opts.type) && !item.types.includes(GENERAL_TYPE)) return false;
  return true;
}

interface ResolvedContext {
  level2: string | null;
  level1: string | null;
  types: readonly InferredType[];
  top: number;
}

function resolveContext(ctx: SearchContext | undefined, filterType: string | null | undefined): ResolvedContext {
  let types = ctx?.types ?? (ctx && (ctx.projectName || ctx.purpose || ctx.goals) ? inferProjectTypes(ctx) : []);
  // A type filter also ranks the type's own entries above the general ones.
  if (!types.length && filterType) types = [{ type: filterType, score: 1, hits: [] }];
  return {
    level2: ctx?.level2 ?? null,
    level1: ctx?.level1 ?? null,
    types,
    top: types.length ? types[0].score : 0,
  };
}

function contextScore(item: Item, ctx: ResolvedContext, reasons: Reason[] | null): number {
  let s = 0;
  const e = item.entry;
  if (ctx.level2 && sameLevel2(e.level2, ctx.level2)) {
    s += 15;
    reasons?.push({ code: "level2", data: { level2: e.level2 } });
  } else if (ctx.level1 && inLevel1(e, ctx.level1)) {
    s += 4;
    reasons?.push({ code: "level1", data: { level1: ctx.level1 } });
  } else if (ctx.level2 && level2Class(ctx.level2)) s -= 5;
  let typeBoost = 0;
  let typeHit: InferredType | null = null;
  for (const t of ctx.types) {
    if (!item.types.includes(t.type)) continue;
    const b = 10 * (t.score / ctx.top);
    if (b > typeBoost) {
      typeBoost = b;
      typeHit = t;
    }
  }
  if (typeHit) {
    s += typeBoost;
    reasons?.push(
      typeHit.hits.length
        ? { code: "projectType", data: { type: typeHit.type, hits: typeHit.hits.join("、") } }
        : { code: "typeMatch", data: { type: typeHit.type } },
    );
  } else if (ctx.types.length && item.types.includes(GENERAL_TYPE)) {
    s += 3;
    reasons?.push({ code: "general" });
  }
  return s;
}

// ---------------------------------------------------------------------------------------------

const LATIN_RE = /^[a-z0-9]+$/;
const EMPTY: ReadonlySet<number> = new Set();

/**
 * The text matches of a query against every entry, before filters and context: what `search` ranks.
 * A caller that ranks the same text under many contexts (the nonstandard-wording rule: one name in
 * many tables) computes them once and ranks them with rankHits.
 */
export interface QueryHits {
  /** The normalised query. */
  readonly query: string;
  /** Item numbers (index.items, = index.entries positions) and their text hits, in the order search considers them. */
  readonly hits: readonly { n: number; hit: TextHit }[];
}

/** The text matches of a (non-empty) query; see QueryHits. */
export function queryHits(index: SearchIndex, query: string): QueryHits {
  const q = normText(query);
  return { query: q, hits: q ? collectHits(index, q, null) : [] };
}

/** The ranked results of precomputed hits under a context, exactly as `search` without filters returns them. */
export function rankHits(index: SearchIndex, hits: QueryHits, opts: Pick<SearchOptions, "limit" | "context"> = {}): SearchResult[] {
  if (!hits.query) return search(index, "", opts);
  const limit = Math.max(1, opts.limit ?? 10);
  const ctx = resolveContext(opts.context, null);
  const top: Candidate[] = [];
  for (const { n, hit } of hits.hits) consider(index, ctx, top, limit, n, hit);
  return results(ctx, top);
}

/** Text hits of a non-empty normalised query, over the entries that pass `opts`' filters (all when null). */
function collectHits(index: SearchIndex, q: string, opts: SearchOptions | null): { n: number; hit: TextHit }[] {
  const out: { n: number; hit: TextHit }[] = [];
  const latin = LATIN_RE.test(q) && /[a-z]/.test(q);
  if (latin) {
    const qMask = letterMask(q.replace(/\d/g, ""));
    index.items.forEach((item, n) => {
      if ((item.letters & qMask) !== qMask && !item.keys.some((k) => k.includes(q))) return;
      if (opts && !passes(item, opts)) return;
      const hit = scoreItem(index, item, q, true, [], EMPTY, qMask);
      if (hit) out.push({ n, hit });
    });
  } else {
    const qGrams = gramCodes(index.charIds as Map<number, number>, q, false);
    const qSet = new Set(qGrams);
    const candidates = new Set<number>();
    if (q.length >= 2) for (const g of qGrams) if (g >= 0) for (const n of index.postings.get(g) ?? []) candidates.add(n);
    // One character: a scan of the keys. Concept words found only in definitions ("扬尘"): a scan of those.
    index.items.forEach((item, n) => {
      if (candidates.has(n)) return;
      if (q.length === 1 ? item.keys.some((k) => k.includes(q)) : item.def.includes(q)) candidates.add(n);
    });
    for (const n of candidates) {
      const item = index.items[n];
      if (opts && !passes(item, opts)) continue;
      const hit = scoreItem(index, item, q, false, qGrams, qSet, 0);
      if (hit) out.push({ n, hit });
    }
  }
  return out;
}

/** Adds a candidate to `top` (the best `limit` so far, best first) when it ranks high enough. */
function consider(index: SearchIndex, ctx: ResolvedContext, top: Candidate[], limit: number, n: number, hit: TextHit | null): void {
  const item = index.items[n];
  const text = hit ? Math.round(hit.score * 1000) / 1000 : 0;
  const exactBonus = hit && hit.kind === "exact" ? 50 : 0;
  const score = Math.round((text * 100 + contextScore(item, ctx, null) + exactBonus) * 100) / 100;
  if (top.length === limit) {
    // Cheap rejection before building the candidate (most hits rank below a full list).
    const last = top[limit - 1];
    if (score < last.score || (score === last.score && text < last.text)) return;
  }
  const c: Candidate = { n, hit, score, text, item };
  if (top.length === limit && !before(c, top[limit - 1])) return;
  let i = top.length;
  while (i > 0 && before(c, top[i - 1])) i--;
  top.splice(i, 0, c);
  if (top.length > limit) top.pop();
}

/** The results of the ranked candidates, with their reasons (built for these only). */
function results(ctx: ResolvedContext, top: readonly Candidate[]): SearchResult[] {
  return top.map(({ hit, score, text, item }) => {
    const reasons: Reason[] = hit ? [{ code: hit.kind, data: { key: hit.key } }] : [];
    contextScore(item, ctx, reasons);
    return {
      entry: item.entry,
      score,
      textScore: text,
      match: hit ? hit.kind : "browse",
      matchedKey: hit ? hit.key : item.keys[0],
      reasons,
    };
  });
}

/** Ranked entries for a query (best first). An empty query lists the filtered entries by context. */
export function search(index: SearchIndex, query: string, opts: SearchOptions = {}): SearchResult[] {
  const limit = Math.max(1, opts.limit ?? 10);
  const q = normText(query);
  const ctx = resolveContext(opts.context, opts.type);
  // The best `limit` candidates so far, best first; reasons are built for these only.
  const top: Candidate[] = [];
  if (!q) {
    index.items.forEach((item, n) => {
      if (passes(item, opts)) consider(index, ctx, top, limit, n, null);
    });
  } else {
    for (const { n, hit } of collectHits(index, q, opts)) consider(index, ctx, top, limit, n, hit);
  }
  return results(ctx, top);
}

interface Candidate {
  n: number;
  hit: TextHit | null;
  score: number;
  text: number;
  item: Item;
}

/** Ranking order: score, then text score, then the shorter name, then the id. */
function before(a: Candidate, b: Candidate): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.text !== b.text) return a.text > b.text;
  const la = a.item.entry.name.length;
  const lb = b.item.entry.name.length;
  if (la !== lb) return la < lb;
  return a.item.entry.id < b.item.entry.id;
}
