/**
 * The port contract suite (src/excel/contract) against the in-memory Excel, under every requirement
 * set it simulates (ExcelApi 1.7, 1.9, 1.11, 1.13, 1.14): every case passes, none is skipped for want
 * of a person (the in-memory user acts), and the workbook is as it was afterwards. Then the flip
 * test: each departure from Excel's documented behaviour switched on makes the cases that cover it
 * fail — the cases can fail.
 */
import { CASES } from "../../src/excel/contract/cases";
import { runContract, reportText, type ContractReport } from "../../src/excel/contract/runner";
import { MemoryExcel, type Departure } from "../../src/workbench/memory-excel";
import { memoryUserHands } from "../../src/workbench/memory-excel/hands";
import { sampleSnapshot } from "./helpers";

jest.setTimeout(120_000);

const LEVELS = [7, 9, 11, 13, 14];

async function run(apiVersion: number, departures: Departure[] = [], ids?: string[]): Promise<{ report: ContractReport; mem: MemoryExcel }> {
  const mem = MemoryExcel.fromSnapshot(sampleSnapshot(), { apiVersion, departures });
  const report = await runContract({
    excel: mem.host().excel,
    office: mem.Office,
    user: memoryUserHands(mem),
    cases: ids ? CASES.filter((c) => ids.includes(c.id)) : CASES,
  });
  return { report, mem };
}

/** Sheets, names, settings and every cell (values, formats, fills) — what the self-test must leave as it found it. */
function workbookState(mem: MemoryExcel): unknown {
  const s = mem.toSnapshot();
  return { sheets: s.sheets, names: [...(s.names ?? [])].sort((a, b) => a.name.localeCompare(b.name)), settings: s.settings };
}

test("the suite has at least 40 cases, unique ids, each with a source", () => {
  expect(CASES.length).toBeGreaterThanOrEqual(40);
  expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  for (const c of CASES) expect(c.source.length).toBeGreaterThan(5);
  const areas = new Set(CASES.map((c) => c.area));
  for (const a of ["fills", "names-absolute", "names-hidden", "undo", "cell-edit", "large", "copies", "null-objects", "merged", "formats", "edits", "mappings", "events", "requirement-sets"]) expect(areas).toContain(a);
});

describe.each(LEVELS)("against the in-memory Excel at ExcelApi 1.%i", (v) => {
  let result: { report: ContractReport; mem: MemoryExcel };
  let before: unknown;

  beforeAll(async () => {
    before = workbookState(MemoryExcel.fromSnapshot(sampleSnapshot(), { apiVersion: v }));
    result = await run(v);
  });

  test("every case passes or is skipped only for a lower requirement set / another platform", () => {
    const failed = result.report.results.filter((r) => r.status === "fail");
    expect(failed.map((r) => `${r.id}: ${r.message}`)).toEqual([]);
    for (const r of result.report.results.filter((x) => x.status === "skip")) expect(r.message).toMatch(/needs ExcelApi|only on/);
    expect(result.report.results.filter((r) => r.status === "pass").length).toBeGreaterThanOrEqual(v >= 13 ? 45 : 38);
  });

  test("the workbook is as it was: sheets, names, settings, fills", () => {
    expect(result.report.cleanupErrors).toEqual([]);
    expect(workbookState(result.mem)).toEqual(before);
  });

  test("the plain-text report names Excel's build, the platform and every case", () => {
    const text = reportText(result.report);
    expect(text).toContain(`ExcelApi 1.${v}`);
    expect(text).toContain("OfficeOnline");
    for (const c of CASES) expect(text).toContain(c.id);
  });
});

describe("a departure from Excel's documented behaviour makes the matching cases fail", () => {
  const flips: [Departure, string[], string][] = [
    ["merged-value-everywhere", ["merged.value-in-top-left-only"], "names.hide-in-add-batch-ignored"],
    ["names-float", ["mappings.saved-elsewhere-reload-in-place"], "fills.mark-no-fill"],
    ["visible-in-add-batch", ["names.hide-in-add-batch-ignored"], "names.mapping-names-hidden"],
    ["no-fill-as-white", ["fills.no-fill-reads-like-white", "fills.mark-no-fill"], "edits.value-inverse"],
    ["no-limits", ["large.payload-limit-exists"], "large.used-range-read-in-blocks"],
  ];
  test.each(flips)("%s", async (departure, failing, unaffected) => {
    const { report } = await run(14, [departure], [...failing, unaffected]);
    const status = Object.fromEntries(report.results.map((r) => [r.id, r.status]));
    for (const id of failing) expect([id, status[id]]).toEqual([id, "fail"]);
    expect([unaffected, status[unaffected]]).toEqual([unaffected, "pass"]);
  });
});
