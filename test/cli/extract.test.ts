/**
 * `jixiao extract`: prose → indicator rows from a range of a sheet, as JSON or as the standard table
 * in a new .xlsx, on the built-in sample (the seed's department part as published).
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "@e965/xlsx";
import { buildSampleWorkbook, DEPARTMENT_SHEETS } from "../../src/sample/workbooks";

const ROOT = path.join(__dirname, "../..");
const CLI = path.join(ROOT, "bin/jixiao.js");
let dir: string;
let sample: string;

beforeAll(async () => {
  execFileSync("node", ["scripts/build-cli.mjs", "--quiet"], { cwd: ROOT });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-extract-"));
  sample = path.join(dir, "sample.xlsx");
  await buildSampleWorkbook().xlsx.writeFile(sample);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => spawnSync("node", [CLI, "extract", ...args], { encoding: "utf8" });

test("--format json prints one row per measure with source, categories and the parsed value", () => {
  // A9:A10 = （一）党务、政务服务方面 … 绩效目标 / 绩效指标 of the prose sheet.
  const r = run([sample, "--sheet", DEPARTMENT_SHEETS.prose, "--range", "A9:A10"]);
  expect(r.status).toBe(0);
  const { rows } = JSON.parse(r.stdout) as { rows: { source: string; level2: string; name: string; value: { raw: string; op: string | null; number: number; unit: string } }[] };
  expect(rows.map((x) => x.name)).toEqual([
    "上报信息条数",
    "上传下达工作任务完成率",
    "文件档案整理工作完成率",
    "会议筹备及部门协调工作完成率",
    "农业、工业工作完成率",
    "报表报送及时率",
    "账目入账工作完成率",
    "报表报送及时率",
    "预决算工作完成率",
  ]);
  expect(rows[0]).toMatchObject({ source: "上报信息80条", level1: "产出指标", level2: "数量指标", value: { raw: "80条", op: null, number: 80, unit: "条" } });
  expect(new Set(rows.slice(6).map((x) => x.source))).toEqual(new Set(["账目入账工作完成率、报表报送及时率、预决算工作完成率 100%"]));
});

test("--format xlsx writes the standard table to a new file that the checker reads", () => {
  const out = path.join(dir, "table.xlsx");
  const r = run([sample, "--sheet", DEPARTMENT_SHEETS.prose, "--range", "A9:A28", "--format", "xlsx", "--out", out]);
  expect(r.status).toBe(0);
  const check = spawnSync("node", [CLI, "check", out, "--format", "json"], { encoding: "utf8" });
  type Tables = { tables: { indicators: { name: string; value: { raw: string } }[] }[] };
  const parsed = JSON.parse(check.stdout) as Tables | { files: Tables[] };
  const report = "files" in parsed ? parsed.files[0] : parsed;
  expect(report.tables).toHaveLength(1);
  const ind = report.tables[0].indicators;
  expect(ind).toHaveLength(26); // 9 + 2 + 3 + 3 + 5 + 2 + 2 measures of the seven blocks
  expect(ind.find((x) => x.name === "组织参与招商活动次数")!.value.raw).toBe("≥5次");
  expect(ind.find((x) => x.name === "每年组织人才培训次数")!.value.raw).toBe("≥4次");
  // Never overwrites: the same --out again is refused.
  expect(run([sample, "--sheet", DEPARTMENT_SHEETS.prose, "--range", "A9:A28", "--format", "xlsx", "--out", out]).status).toBe(2);
});

test("usage errors exit 2", () => {
  expect(run([sample, "--sheet", DEPARTMENT_SHEETS.prose]).status).toBe(2);
  expect(run([sample, "--sheet", "无此表", "--range", "A1:A2"]).status).toBe(2);
  expect(run([sample, "--sheet", DEPARTMENT_SHEETS.prose, "--range", "A1:A2", "--format", "xlsx"]).status).toBe(2);
});

test("reads the workbook as check does: the same rows from an .xls and an .ods copy", () => {
  const rowsOf = (file: string) => {
    const r = run([file, "--sheet", DEPARTMENT_SHEETS.prose, "--range", "A9:A28"]);
    expect(r.status).toBe(0);
    return (JSON.parse(r.stdout) as { rows: unknown[] }).rows;
  };
  const expected = rowsOf(sample);
  expect(expected).toHaveLength(26);
  const book = XLSX.read(fs.readFileSync(sample), { type: "buffer" });
  for (const bookType of ["xls", "ods"] as const) {
    const copy = path.join(dir, `sample.${bookType}`);
    fs.writeFileSync(copy, XLSX.write(book, { type: "buffer", bookType }) as Buffer);
    expect(rowsOf(copy)).toEqual(expected);
  }
});

test("a sheet whose used range is absurdly large (a stray value at XFD1048576) is refused at once with the range named", async () => {
  const wb = buildSampleWorkbook();
  wb.worksheets[0].getCell("XFD1048576").value = "误填";
  const stray = path.join(dir, "stray.xlsx");
  await wb.xlsx.writeFile(stray);
  // Before: ExcelJS's grid of 17 billion cells ran out of memory after ~40 s (4.3 GB).
  const r = run([stray, "--sheet", DEPARTMENT_SHEETS.prose, "--range", "A9:A28"]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("A1:XFD1048576");
  expect(r.stderr).toContain("无法读取");
  expect(r.stdout).toBe("");
});
