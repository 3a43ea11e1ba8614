/** benchLibrary / syntheticLibrary behave (figures are measured, not asserted: this is not a timing test). */
import { benchLibrary, syntheticLibrary } from "../../src/core/library/bench";
import { BUILTIN_ENTRIES } from "../../src/core/library/builtin";
import { entryKeys } from "../../src/core/library/schema";
import { createSearchIndex, search } from "../../src/core/library/search";
import { pinyinOf } from "../../src/core/library/pinyin";

test("synthetic library: N entries, unique ids, pinyin aligned with the keys and correct", () => {
  const lib = syntheticLibrary(2000);
  expect(lib).toHaveLength(2000);
  expect(new Set(lib.map((e) => e.id)).size).toBe(2000);
  const synth = lib.slice(BUILTIN_ENTRIES.length);
  for (const e of synth) expect(e.pinyin).toHaveLength(entryKeys(e).keys.length);
  for (const e of synth.slice(0, 40)) expect(e.pinyin![0]).toBe(pinyinOf(entryKeys(e).keys[0]));
  // Searchable by the prefixed name and by its initials.
  const idx = createSearchIndex(lib);
  expect(search(idx, "区级培训人次")[0].entry.name).toBe("区级培训人次");
  expect(search(idx, "qjpxrc")[0].entry.name).toBe("区级培训人次");
});

test("benchLibrary returns every figure, measured with the given clock", () => {
  let ticks = 0;
  const r = benchLibrary(800, () => ticks++);
  expect(r.entries).toBe(800);
  expect(r.queries).toBeGreaterThan(50);
  for (const k of ["buildMs", "buildWarmMs", "coldMaxMs", "p50Ms", "p95Ms", "maxMs", "pinyinFirstCallMs", "pinyinPer1000Ms"] as const) expect(r[k]).toBeGreaterThan(0);
  expect(r.p50Ms).toBeLessThanOrEqual(r.p95Ms);
  expect(r.p95Ms).toBeLessThanOrEqual(r.maxMs);
});
