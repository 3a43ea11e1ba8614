import { syntheticLibrary } from "./src/core/library/bench";
import { createSearchIndex } from "./src/core/library/search";
import { entryKeys } from "./src/core/library/schema";
const lib = syntheticLibrary(5000);
for (let r = 0; r < 4; r++) {
  let t = performance.now(); for (const e of lib) entryKeys(e); const a = performance.now() - t;
  t = performance.now(); for (const e of lib) for (const p of e.pinyin ?? []) { const s = p.split(" "); s.join(""); s.map((x) => x[0]).join(""); } const b = performance.now() - t;
  t = performance.now(); createSearchIndex(lib); const c = performance.now() - t;
  console.log("keys", a.toFixed(1), "py", b.toFixed(1), "build", c.toFixed(1));
}
