/**
 * The engine on the real-table corpus (test/corpus/README.md): every file is valid, and the figures
 * do not drop below the recorded ones (test/corpus/figures.json, raised with `npm run corpus -- --record`).
 * The scoring itself is tested on a small hand-made table first, so a broken scorer cannot pass.
 */
import { loadCorpus, loadStructure, runCorpus, sameStructure, scoreTable, type CorpusResult } from "../../scripts/corpus/score";
import { recordedFigures, toRecord, type RecordedFigures } from "../../scripts/corpus/figures";
import type { CorpusTable } from "../../scripts/corpus/schema";
import type { Issue } from "../../src/core/model/schema";

const issue = (rule: string, cell: string, message = "m"): Issue => ({
  rule, severity: "warning", messageId: "x", message, sheet: "S", cell, table: 0, data: {},
});

const table: CorpusTable = {
  id: "t", kind: "project", sheet: "S",
  source: { url: "https://example.gov.cn/", publisher: "p", title: "t", province: "河北", year: 2022, official: true, template: "t" },
  rows: [["a"]], merges: ["A5:A7"], formats: {},
  labels: [
    { cell: "D5", rule: "unit-missing", expect: "fire", says: ["250万元"] },
    { cells: ["D6", "D7"], rule: "operator-nonstandard", expect: "fire" },
    { cell: "D8", rule: "value-unparsed", expect: "quiet" },
    { cell: "*", rule: "category-missing", expect: "fire" },
    { cell: "A6", rule: "level1-unknown", expect: "fire" },
    { cell: "C9", rule: "vague-indicator", expect: "fire" },
    { cell: "C10", rule: "-", expect: "fire" },
  ],
};

describe("corpus scoring", () => {
  it("matches findings to labels by rule and cell, merged cells by their top-left", () => {
    const s = scoreTable(table, [
      issue("unit-missing", "D5", "读作 250万元"),
      issue("operator-nonstandard", "D7"),
      issue("value-unparsed", "D8"),
      issue("category-missing", "B2"),
      issue("level1-unknown", "A5"),
      issue("unit-missing", "D9"),
    ]);
    expect(s.findings.map((f) => f.verdict)).toEqual(["tp", "tp", "fp", "tp", "tp", "fp"]);
    expect(s.findings[0].misstated).toBeUndefined();
    expect(s.misses.map((m) => m.label.rule)).toEqual(["vague-indicator"]);
    expect(s.uncovered).toHaveLength(1);
  });

  it("counts a matched finding that does not say what it read as a misstatement", () => {
    const s = scoreTable(table, [issue("unit-missing", "D5", "只有数字，没有计量单位")]);
    expect(s.findings[0].verdict).toBe("tp");
    expect(s.findings[0].misstated).toMatch(/250万元/);
  });
});

describe("structure scoring", () => {
  it("is exact only when every table is found with every indicator row", () => {
    const two = { tables: 2, indicators: [8, 4] };
    expect(sameStructure(two, { tables: 2, indicators: [8, 4] })).toBe(true);
    expect(sameStructure(two, { tables: 2, indicators: [8, 5] })).toBe(false);
    expect(sameStructure(two, { tables: 1, indicators: [12] })).toBe(false);
    expect(sameStructure(two, { tables: 3, indicators: [8, 4, 1] })).toBe(false);
    expect(sameStructure({ tables: 1, indicators: [9] }, { tables: 0, indicators: [] })).toBe(false);
  });

  it("reads the hand counts, one count per table", () => {
    const counts = loadStructure();
    expect(counts.size).toBeGreaterThan(0);
    for (const s of counts.values()) expect(s.indicators).toHaveLength(s.tables);
  });
});

/** Holds a run's figures to a record: nothing may drop below it. */
function expectAtLeast(now: RecordedFigures, rec: Omit<RecordedFigures, "department">): void {
  expect(now.files).toBeGreaterThanOrEqual(rec.files);
  expect(now.provinces).toBeGreaterThanOrEqual(rec.provinces);
  expect(now.years).toBeGreaterThanOrEqual(rec.years);
  expect(now.errorPrecision).toBeGreaterThanOrEqual(rec.errorPrecision);
  expect(now.warningPrecision).toBeGreaterThanOrEqual(rec.warningPrecision);
  if (rec.infoPrecision !== undefined) expect(now.infoPrecision).toBeGreaterThanOrEqual(rec.infoPrecision);
  expect(now.recall).toBeGreaterThanOrEqual(rec.recall);
  expect(now.misstatements).toBeLessThanOrEqual(rec.misstatements);
  expect(now.unreadable).toBeLessThanOrEqual(rec.unreadable);
  if (rec.structureExact !== undefined) expect(now.structureExact).toBeGreaterThanOrEqual(rec.structureExact);
}

describe.each(["project", "department"] as const)("real-table corpus: %s tables", (kind) => {
  let result: CorpusResult;
  beforeAll(async () => {
    result = await runCorpus(loadCorpus(), { kinds: [kind] });
  }, 120_000);

  it("keeps the recorded figures", () => {
    const file = recordedFigures();
    const rec = kind === "project" ? file : file?.department;
    expect(rec).toBeDefined();
    expect(rec).not.toBeNull();
    if (!rec) return;
    expectAtLeast(toRecord(result.figures, new Set(result.unreadable.map((u) => u.table)).size), rec);
  });

  it("holds every file to a hand-counted structure", () => {
    expect(result.figures.structureFiles).toBe(result.figures.files);
    expect(result.figures.structureExact).toBe(result.figures.structureFiles - result.structureMisses.length);
  });
});
