import { BUILTIN_ENTRIES } from "./src/core/library/builtin";
import { createSearchIndex } from "./src/core/library/search";
import type { LibraryEntry } from "./src/core/library/schema";
const big: LibraryEntry[] = [];
for (let i = 0; i < 8; i++) for (const e of BUILTIN_ENTRIES) big.push({ ...e, id: e.id + i, name: "区" + i + e.name, aliases: e.aliases.map((a) => a + i), definition: e.definition + i, pinyin: undefined });
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  createSearchIndex(big);
  console.log("build ms", big.length, (performance.now() - t0).toFixed(1));
}
