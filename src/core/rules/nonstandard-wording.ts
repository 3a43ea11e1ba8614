import type { Rule } from "./types";
import { clean, normText } from "./utils/text";
import { processKind } from "./process-indicator";
import { BUILTIN_ENTRIES } from "../library/builtin";
import { createSearchIndex, standardEntriesNamed, type SearchIndex } from "../library/search";
import { inLevel1 } from "../library/schema";
import { replacementEdits, suggestForRow, tableProjectTypes, type Suggestion } from "../library/suggest";

/**
 * A free-written 三级 name for which the indicator library has a close standard wording (domain §e,
 * §b1): the name is not a standard name itself, and an entry of the same 一级 matches it as a known
 * variant (alias) or closely (prefix, substring, or fuzzy score ≥ CLOSE). The report carries up to
 * three suggestions, each replacing the row's name, description and — when it does not fit —
 * value (library/suggest.ts replacementEdits).
 *
 * Options: `libraryIndex` (a SearchIndex of the merged library, when a custom library is loaded);
 * by default the built-in library. Process measures are left to process-indicator.
 */

const CLOSE = 0.62;
const MAX_SUGGESTIONS = 3;

let builtinIndex: SearchIndex | null = null;

/** The index of the built-in library, built once on first use. */
export function builtinSearchIndex(): SearchIndex {
  if (!builtinIndex) builtinIndex = createSearchIndex(BUILTIN_ENTRIES);
  return builtinIndex;
}

function isIndex(v: unknown): v is SearchIndex {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "library-index";
}

/** Suggestions depend on the name, the categories and the project types only: cache them per index. */
const CACHE = new WeakMap<SearchIndex, Map<string, Suggestion[]>>();
const CACHE_MAX = 20000;

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
  },
  check(ctx) {
    const index = isIndex(ctx.options.libraryIndex) ? ctx.options.libraryIndex : builtinSearchIndex();
    let cache = CACHE.get(index);
    if (!cache) CACHE.set(index, (cache = new Map()));
    const types = tableProjectTypes(ctx.table);
    const typeKey = types.map((t) => `${t.type}:${t.score}`).join(",");
    for (const row of ctx.table.indicators) {
      const name = row.name.value;
      const key = normText(name);
      const l1 = row.level1.canonical;
      if (key.length < 2 || l1 === null || !row.name.cell) continue;
      if (processKind(name) !== null) continue;
      if (standardEntriesNamed(index, key).length) continue;
      const cacheKey = `${key}|${l1}|${row.level2.canonical}|${typeKey}`;
      let close = cache.get(cacheKey);
      if (!close) {
        close = suggestForRow(index, row, ctx.table, { limit: 8, types })
          .filter((s) => inLevel1(s.entry, l1))
          .filter((s) => s.match === "alias" || (s.match !== "definition" && s.textScore >= CLOSE))
          // A short standard name inside a long free text ("满意度" in "项目单位满意度") is not close.
          .filter((s) => s.match !== "containedIn" || s.matchedKey.length * 2 >= key.length)
          .slice(0, MAX_SUGGESTIONS);
        if (cache.size >= CACHE_MAX) cache.clear();
        cache.set(cacheKey, close);
      }
      if (!close.length) continue;
      const best = close[0];
      ctx.report({
        messageId: best.match === "alias" ? "alias" : "close",
        cell: row.name.cell,
        data: {
          name: clean(name),
          suggestion: best.name,
          level2: best.entry.level2,
          unit: best.unit ?? "—",
          typical: best.typical || "—",
          others: close
            .slice(1)
            .map((s) => s.name)
            .join("、") || "—",
        },
        suggestions: close.map((s) => ({
          text: `${s.name}（${s.typical || s.entry.definition}）`,
          edits: replacementEdits(ctx.table, row, s.entry),
        })),
      });
    }
  },
};
