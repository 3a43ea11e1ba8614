/**
 * The checking read path (src/cli/read: ooxml.ts for .xlsx, SheetJS for the rest) against the ExcelJS path: every .xlsx
 * fixture and every real table of the corpus (test/corpus/tables, built as .xlsx in memory) must give the same
 * tables, indicators, issues and sheets either way; and the seed workbooks saved as .xls, .et, .ods
 * and .csv (UTF-8 and GBK) must give the same as their .xlsx.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { analyzeGrids } from "../../src/core/analyze";
import { readXlsx } from "../../src/xlsx/grid";
import { checkBuffer, withLibrary } from "../../src/cli/check";
import { fileToReport, type ReportFile } from "../../src/cli/report";
import { loadCorpus, tableToXlsx } from "../../scripts/corpus/score";
import { xlsxFiles } from "../helpers/files";

const ROOT = path.resolve(__dirname, "../..");
const GEN = path.join(ROOT, "test/fixtures/generated");
const CONFIG = { locale: "zh-CN" as const, options: { year: 2022 } };

beforeAll(() => {
  if (!fs.existsSync(path.join(GEN, "seed.csv"))) {
    execFileSync("node", ["scripts/build-cli.mjs", "--quiet"], { cwd: ROOT });
    execFileSync("node", ["lib/make-fixtures.js", "--quiet"], { cwd: ROOT });
  }
}, 60000);

/** What must match: tables, issues, sheets (the report form, without the read format). */
function comparable(f: ReportFile): unknown {
  return { error: f.errorCode, tables: f.tables, issues: f.issues, sheets: f.sheets, summary: f.summary };
}

async function viaSheetJs(file: string, buffer: Buffer = fs.readFileSync(file)): Promise<ReportFile> {
  const { result } = await checkBuffer(file, buffer, CONFIG);
  return fileToReport(result);
}

async function viaExcelJs(file: string, buffer: Buffer = fs.readFileSync(file)): Promise<ReportFile> {
  const { grids } = await readXlsx(buffer);
  const { tables, issues, sheets } = analyzeGrids(grids, withLibrary(CONFIG));
  return fileToReport({ file, tables, issues, sheets });
}

const fixtures = xlsxFiles(GEN);
const corpus = loadCorpus();

describe("the check read path = ExcelJS read path", () => {
  test("the fixtures exist", () => expect(fixtures.map((f) => path.basename(f))).toEqual(expect.arrayContaining(["seed.xlsx", "seed-typed.xlsx", "layouts.xlsx"])));

  test.each(fixtures.map((f) => [path.relative(ROOT, f)]))("%s", async (rel) => {
    const file = path.join(ROOT, rel);
    const a = await viaSheetJs(file);
    expect(a.error).toBeUndefined();
    expect(a.tables.length).toBeGreaterThan(0);
    expect(comparable(a)).toEqual(comparable(await viaExcelJs(file)));
  });

  // The real tables of the corpus, each in its own layout: one test, every table, all differences listed.
  test(`the real-table corpus (${corpus.length} tables)`, async () => {
    expect(corpus.length).toBeGreaterThan(40);
    const differ: string[] = [];
    for (const t of corpus) {
      const buffer = await tableToXlsx(t);
      const file = `${t.id}.xlsx`;
      const [a, b] = [await viaSheetJs(file, buffer), await viaExcelJs(file, buffer)];
      if (JSON.stringify(comparable(a)) !== JSON.stringify(comparable(b))) differ.push(t.id);
    }
    expect(differ).toEqual([]);
  }, 600000);
});

/** The comparable report with one sheet name replaced everywhere, messages included (a .csv has one sheet, named after its file). */
function renameSheet(f: ReportFile, from: string): unknown {
  return JSON.parse(JSON.stringify(comparable(f)).split(JSON.stringify(from).slice(1, -1)).join("SHEET"));
}

describe("other formats give the same answers as the .xlsx", () => {
  test.each([
    ["seed.xls", "seed.xlsx", "xls"],
    ["seed.et", "seed.xlsx", "xls"],
    ["seed.ods", "seed.xlsx", "ods"],
    ["seed-typed.xls", "seed-typed.xlsx", "xls"],
    ["seed-typed.ods", "seed-typed.xlsx", "ods"],
    ["seed.csv", "seed.xlsx", "csv"],
    ["seed-gbk.csv", "seed.xlsx", "csv"],
  ])("%s = %s", async (other, xlsx, format) => {
    const a = await viaSheetJs(path.join(GEN, other));
    const b = await viaSheetJs(path.join(GEN, xlsx));
    expect(a.format).toBe(format);
    expect(a.error).toBeUndefined();
    expect(b.tables.length).toBe(3);
    if (format === "csv") {
      expect(a.sheets).toEqual([{ name: other.replace(/\.csv$/, ""), tables: 3 }]);
      expect(renameSheet(a, a.sheets![0].name)).toEqual(renameSheet(b, b.sheets![0].name));
    } else expect(comparable(a)).toEqual(comparable(b));
  });
});
