import { BUILTIN_ENTRIES } from "./src/core/library/builtin";
import { createSearchIndex, search } from "./src/core/library/search";
const idx = createSearchIndex(BUILTIN_ENTRIES);
for (const q of process.argv.slice(2)) {
  const r = search(idx, q, { limit: 4 });
  console.log(q, r.map((x) => `${x.entry.name}[${x.entry.level2.slice(0,2)}|${x.match}|${x.score}]`).join("  "));
}
