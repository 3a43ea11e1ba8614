/**
 * End-to-end tests of the built CLI (lib/jixiao.js) run as a child process on the generated
 * fixtures and on bad files made in a temp dir: exit codes, the JSON contract, the text format,
 * --rules / --severity, --out (fills, notes, input untouched), folders, bad input.
 */
import { spawnSync, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import type { Report } from "../../src/cli/report";
import { ReportSchema } from "../../src/cli/report-schema";
import { SEVERITY_FILL } from "../../src/cli/annotate";
import { ALL_RULES } from "../../src/core/rules/registry";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "lib/jixiao.js");
const GEN = path.join(ROOT, "test/fixtures/generated");
const SEED = path.join(GEN, "seed.xlsx");
const SEED_TYPED = path.join(GEN, "seed-typed.xlsx");

function newestMtime(dir: string): number {
  let m = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    m = Math.max(m, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return m;
}

beforeAll(() => {
  // `npm test` builds lib/ and the fixtures first; a bare `npx jest` run builds them here.
  const stale = !fs.existsSync(CLI) || fs.statSync(CLI).mtimeMs < Math.max(newestMtime(path.join(ROOT, "src")), newestMtime(path.join(ROOT, "scripts")));
  if (stale) execFileSync("node", ["scripts/build-cli.mjs", "--quiet"], { cwd: ROOT });
  if (!fs.existsSync(SEED)) execFileSync("node", ["lib/make-fixtures.js", "--quiet"], { cwd: ROOT });
}, 60000);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync("node", [CLI, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "", ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[]): { code: number | null; report: Report; stderr: string } {
  const r = run([...args, "--format", "json"]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(r.stdout);
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}):\n${r.stdout.slice(0, 500)}\n${r.stderr}`);
  }
  return { code: r.code, report: ReportSchema.parse(parsed), stderr: r.stderr };
}

/** Runs with the same arguments share one child process (the seed report is read by several tests). */
const memo = new Map<string, ReturnType<typeof json>>();
function jsonOnce(args: string[]): ReturnType<typeof json> {
  const k = JSON.stringify(args);
  if (!memo.has(k)) memo.set(k, json(args));
  return memo.get(k)!;
}

const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-cli-"));
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("seed workbook", () => {
  test("JSON: 3 tables × 10 indicators, contract-valid, exit 1 for its errors", () => {
    const { code, report } = jsonOnce(["check", "test/fixtures/generated/seed.xlsx"]);
    expect(report.version).toBe(1);
    expect(report.files).toHaveLength(1);
    const f = report.files[0];
    expect(f.file).toBe("test/fixtures/generated/seed.xlsx");
    expect(f.error).toBeUndefined();
    expect(f.tables).toHaveLength(3);
    expect(f.tables.map((t) => t.indicators.length)).toEqual([10, 10, 10]);
    expect(report.summary).toMatchObject({ files: 1, tables: 3, indicators: 30 });
    // One finding per issue, except that the issues of a group count once.
    const findings = f.issues.filter((i) => i.group === undefined).length + new Set(f.issues.flatMap((i) => (i.group ? [i.group] : []))).size;
    expect(findings).toBeLessThan(f.issues.length);
    expect(report.summary.errors + report.summary.warnings + report.summary.infos).toBe(findings);
    expect(code).toBe(report.summary.errors > 0 ? 1 : 0);
    const t0 = f.tables[0];
    expect(t0).toMatchObject({ projectCode: "13102622P00237611645J", moneyUnit: "元", form: "88", budget: { total: 200000, fiscal: 200000, other: null } });
    expect(t0.plan).toEqual({ m3: 100, m6: 100, m10: 100, m12: 100 });
    expect(f.tables[2].plan).toEqual({ m3: null, m6: 50, m10: 90, m12: 100 });
    expect(t0.indicators[0]).toMatchObject({ level1: "产出指标", level2: "质量指标", name: "项目验收合格率", value: { raw: "≥95百分比", kind: "quantitative", op: "≥", number: 95, unit: "%" } });
    // 一级 carried down from the merged block.
    expect(t0.indicators[1].level1).toBe("产出指标");
    for (const i of f.issues) {
      expect(i.table).not.toBeNull();
      expect(f.tables[i.table!].sheet).toBe(i.sheet);
    }
  });

  test("unit-wording fixes ≥95百分比 → ≥95%, on the 指标值 cell", () => {
    const { report } = jsonOnce(["check", SEED, "--rules", "unit-wording"]);
    const f = report.files[0];
    const cells = new Set(f.tables.flatMap((t) => t.indicators.filter((i) => i.value.raw.includes("百分比")).map((i) => i.value.cell)));
    expect(cells.size).toBeGreaterThan(0);
    expect(new Set(f.issues.map((i) => i.cell))).toEqual(cells);
    const first = f.issues.find((i) => i.fix === "≥95%");
    expect(first).toBeDefined();
    expect(f.issues.every((i) => i.rule === "unit-wording")).toBe(true);
  });

  test("the typed-number variant reads the same tables", () => {
    const a = jsonOnce(["check", "test/fixtures/generated/seed.xlsx"]).report.files[0];
    const b = json(["check", SEED_TYPED]).report.files[0];
    expect(b.tables.map((t) => t.indicators.length)).toEqual([10, 10, 10]);
    expect(b.tables.map((t) => [t.budget, t.plan])).toEqual(a.tables.map((t) => [t.budget, t.plan]));
  });

  test("text: header per table, one line per issue, summary and total, no colour in a pipe", () => {
    const { report } = jsonOnce(["check", "test/fixtures/generated/seed.xlsx"]);
    const r = run(["check", SEED]);
    expect(r.code).toBe(report.summary.errors > 0 ? 1 : 0);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(`文件：${SEED}`);
    const headers = lines.filter((l) => /^ {2}表\d+ {2}/.test(l));
    expect(headers).toHaveLength(3);
    expect(headers[0]).toContain("项目名称：工业新区2021年文安县第三次重点项目开工会场搭建项目资金");
    expect(headers[0]).toContain(`${report.files[0].tables[0].sheet}!${report.files[0].tables[0].range}`);
    const issueLines = lines.filter((l) => /^ {4}\S+![A-Z]+\d+ +(错误|警告|提示) {2}[a-z0-9-]+ +\S/.test(l));
    const issues = report.files[0].issues;
    const groups = new Set(issues.flatMap((i) => (i.group ? [i.group] : [])));
    expect(issueLines).toHaveLength(issues.filter((i) => !i.group).length + groups.size);
    // A grouped habit is one line listing every cell of the group.
    for (const g of groups) {
      const cells = issues.filter((i) => i.group === g).map((i) => i.cell);
      expect(issueLines.filter((l) => l.includes(`共${cells.length}处（${cells.join("、")}）`))).toHaveLength(1);
    }
    const s = report.summary;
    expect(lines).toContain(`  小计：3 张表，30 个指标；错误 ${s.errors} 个，警告 ${s.warnings} 个，提示 ${s.infos} 个`);
    expect(lines).toContain(`合计：1 个文件，3 张表，30 个指标；错误 ${s.errors} 个，警告 ${s.warnings} 个，提示 ${s.infos} 个`);
  });

  test("colour only when forced (stdout is not a TTY here); NO_COLOR wins over nothing", () => {
    expect(run(["check", SEED, "--rules", "unit-wording"], { FORCE_COLOR: "1" }).stdout).toMatch(/\x1b\[36m提示/);
    expect(run(["check", SEED, "--rules", "unit-wording"], { NO_COLOR: "1" }).stdout).not.toMatch(/\x1b\[/);
  });

  test("--lang en: English labels and messages", () => {
    const r = run(["check", SEED, "--lang", "en", "--rules", "unit-wording"]);
    expect(r.stdout).toMatch(/^File: /);
    expect(r.stdout).toMatch(/\n {2}Table 1 {2}/);
    expect(r.stdout).toMatch(/ {2}info {5}unit-wording {2}Unit written as a word: 8 cells \(F11, F12, F14, F16, F17, F18, F19, F20\), e\.g\.: /);
    expect(r.stdout).toMatch(/\nTotal: files 1, tables 3, indicators 30; /);
    const zh = jsonOnce(["check", SEED, "--rules", "unit-wording"]).report.files[0].issues[0].message;
    const en = json(["check", SEED, "--rules", "unit-wording", "--lang", "en"]).report.files[0].issues[0].message;
    expect(en).not.toBe(zh);
  });
});

describe("reviewers' opinion codes", () => {
  test("JSON issues carry the opinion code of their rule and message", () => {
    const f = jsonOnce(["check", "test/fixtures/generated/seed.xlsx"]).report.files[0];
    const byRule = new Map(ALL_RULES.map((r) => [r.meta.id, r.meta]));
    for (const i of f.issues) expect(i.opinion).toBe(byRule.get(i.rule)!.messageOpinion?.[i.messageId!] ?? byRule.get(i.rule)!.opinion);
  });

  test("--group-by code lists the findings under their codes, each finding once", () => {
    const f = jsonOnce(["check", "test/fixtures/generated/seed.xlsx"]).report.files[0];
    const r = run(["check", SEED, "--group-by", "code"]);
    const lines = r.stdout.split("\n");
    const heads = lines.filter((l) => /^ {2}【.+】\d+条$/.test(l));
    const codes = [...new Set(f.issues.map((i) => i.opinion!))];
    expect(heads.map((h) => /【(.+)】/.exec(h)![1]).sort()).toEqual(codes.sort());
    const s = f.summary!;
    const total = heads.reduce((n, h) => n + Number(/】(\d+)条/.exec(h)![1]), 0);
    expect(total).toBe(s.errors + s.warnings + s.infos);
    expect(lines.filter((l) => /^ {4}\S+![A-Z]+\d+ /.test(l))).toHaveLength(total);
    expect(lines.filter((l) => /^ {2}表\d+ {2}/.test(l))).toHaveLength(0);
  });

  test("--group-by takes table or code only", () => {
    const r = run(["check", SEED, "--group-by", "rule"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--group-by 只能是 table 或 code");
  });

  test("--opinions writes one row per finding, read back with ExcelJS", async () => {
    const out = path.join(tmp, "审核意见.xlsx");
    const r = run(["check", SEED, "--opinions", out]);
    expect(r.stderr).toContain(`已写出审核意见表`);
    const { report } = jsonOnce(["check", "test/fixtures/generated/seed.xlsx"]);
    const s = report.summary;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("审核意见")!;
    const rows = ws.getSheetValues().slice(2).map((v) => (v as ExcelJS.CellValue[]).slice(1).map((c) => (c === undefined || c === null ? "" : String(c))));
    expect((ws.getRow(1).values as ExcelJS.CellValue[]).slice(1)).toEqual(["文件", "项目名称", "一级指标", "二级指标", "三级指标", "单元格", "审核意见类型", "审核意见"]);
    expect(rows).toHaveLength(s.errors + s.warnings + s.infos);
    // A per-row finding names its indicator; a grouped one lists its cells.
    const sat = rows.find((x) => x[5] === "C19")!;
    expect(sat.slice(1, 7)).toEqual(["工业新区2021年文安县第三次重点项目开工会场搭建项目资金", "满意度指标", "服务对象满意度指标", "项目单位满意度", "C19", "指标与项目的相关性不够"]);
    expect(sat[7]).toContain("项目单位满意度");
    const grouped = rows.find((x) => x[5] === "F11、F12、F14、F16、F17、F18、F19、F20")!;
    expect(grouped[6]).toBe("其他");
    expect(grouped[7]).toMatch(/^共8处（F11、F12、F14、F16、F17、F18、F19、F20），如：指标值“≥95百分比”/);
    expect(rows.every((x) => x[0] === SEED)).toBe(true);
  });

  test("--opinions names a department table's rows by its 部门（单位） (it has no 项目名称)", async () => {
    const out = path.join(tmp, "审核意见-部门.xlsx");
    run(["check", "test/fixtures/generated/sample.xlsx", "--opinions", out]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows = wb.getWorksheet("审核意见")!.getSheetValues().slice(2).map((v) => (v as ExcelJS.CellValue[]).slice(1).map((c) => (c === undefined || c === null ? "" : String(c))));
    const dept = rows.filter((x) => x[5].startsWith("B") && x[7].includes("总体目标"));
    expect(dept.length).toBeGreaterThan(0);
    expect(new Set(dept.map((x) => x[1]))).toEqual(new Set(["303001文安工业新区管理处本级"]));
    expect(rows.every((x) => x[1] !== "")).toBe(true);
  });

  test("--opinions must be an .xlsx and not an input", () => {
    expect(run(["check", SEED, "--opinions", path.join(tmp, "x.csv")]).code).toBe(2);
    const r = run(["check", SEED, "--opinions", SEED]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--opinions 不能指向被检查的文件本身");
  });
});

describe("rule selection", () => {
  test("--rules limits the rules; exit 0 when only warnings remain", () => {
    const { code, report } = json(["check", SEED, "--rules", "unit-wording,operator-nonstandard"]);
    expect(report.files[0].issues.length).toBeGreaterThan(0);
    expect(new Set(report.files[0].issues.map((i) => i.rule))).toEqual(new Set(["unit-wording"].concat(report.files[0].issues.some((i) => i.rule === "operator-nonstandard") ? ["operator-nonstandard"] : [])));
    expect(report.summary.errors).toBe(0);
    expect(code).toBe(0);
  });

  test("--severity raises a rule to error (exit 1) or switches it off", () => {
    const up = json(["check", SEED, "--rules", "unit-wording", "--severity", "unit-wording=error"]);
    expect(up.code).toBe(1);
    expect(up.report.files[0].issues.every((i) => i.severity === "error")).toBe(true);
    const off = json(["check", SEED, "--severity", "unit-wording=off"]);
    expect(off.report.files[0].issues.some((i) => i.rule === "unit-wording")).toBe(false);
    const all = jsonOnce(["check", "test/fixtures/generated/seed.xlsx"]);
    expect(all.report.files[0].issues.some((i) => i.rule === "unit-wording")).toBe(true);
  });

  test("an unknown rule id is a usage error listing the valid ids (exit 2)", () => {
    const r = run(["check", SEED, "--rules", "unit-wording,no-such-rule"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("no-such-rule");
    for (const rule of ALL_RULES) expect(r.stderr).toContain(rule.meta.id);
    expect(run(["check", SEED, "--rules", "nope", "--lang", "en"]).stderr).toContain("unknown rule id: nope");
  });

  test.each([
    [["check"]],
    [["check", SEED, "--format", "xml"]],
    [["check", SEED, "--bogus"]],
    [["frobnicate"]],
  ])("usage error %j → exit 2 and a hint", (args) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("jixiao --help");
  });

  test("--help, --version, rules", () => {
    const h = run(["--help"]);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain("jixiao check");
    expect(h.stdout).toMatch(/--out[\s\S]*文件夹/);
    expect(run(["--help", "--lang", "en"]).stdout).toMatch(/with several files or a folder it is a directory/);
    expect(run(["--version"]).stdout).toMatch(/^jixiao \d+\.\d+\.\d+/);
    // A subcommand's --help / -h prints the usage (it was refused as an unknown option, exit 2).
    for (const sub of ["suggest", "library", "extract"]) {
      const r = run([sub, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`jixiao ${sub}`);
      expect(run([sub, "-h", "--lang", "en"]).stdout).toContain("with several files or a folder it is a directory");
    }
    const rules = run(["rules"]);
    expect(rules.code).toBe(0);
    for (const rule of ALL_RULES) expect(rules.stdout).toMatch(new RegExp(`^${rule.meta.id} +(错误|警告|提示) +\\S`, "m"));
    const rj = JSON.parse(run(["rules", "--format", "json", "--lang", "en"]).stdout);
    expect(rj.rules.map((r: { id: string }) => r.id)).toEqual(ALL_RULES.map((r) => r.meta.id).sort());
  });
});

describe("--out annotated copy", () => {
  test("fills and notes every flagged cell; the input is unchanged", async () => {
    const input = path.join(tmp, "seed-in.xlsx");
    fs.copyFileSync(SEED, input);
    const before = sha(input);
    const out = path.join(tmp, "annotated.xlsx");
    const r = run(["check", input, "--out", out, "--format", "json"]);
    expect(sha(input)).toBe(before);
    expect(fs.existsSync(out)).toBe(true);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    const issues = report.files[0].issues;
    expect(issues.length).toBeGreaterThan(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const worst = new Map<string, keyof typeof rank>();
    for (const i of issues) {
      const k = `${i.sheet}!${i.cell}`;
      const w = worst.get(k);
      if (!w || rank[i.severity] < rank[w]) worst.set(k, i.severity);
    }
    for (const [k, sev] of worst) {
      const [sheet, cell] = k.split("!");
      let c = wb.getWorksheet(sheet)!.getCell(cell);
      if (c.isMerged) c = c.master;
      const fill = c.fill as ExcelJS.FillPattern;
      // A merged anchor can collect issues of several cells: its fill is the worst of them.
      expect([SEVERITY_FILL.error, SEVERITY_FILL.warning, SEVERITY_FILL.info].indexOf(fill.fgColor!.argb!)).toBeLessThanOrEqual(rank[sev]);
      const note = typeof c.note === "string" ? c.note : (c.note as ExcelJS.Comment).texts!.map((x) => x.text).join("");
      for (const i of issues.filter((x) => `${x.sheet}!${x.cell}` === k)) expect(note).toContain(`${i.rule}: ${i.message}`);
    }
    // A cell without issues keeps no fill: the header label 一级指标.
    const ws = wb.getWorksheet(report.files[0].tables[0].sheet)!;
    let header: ExcelJS.Cell | null = null;
    ws.eachRow((row) => row.eachCell((c) => {
      if (c.value === "一级指标" && !header) header = c;
    }));
    expect(header).not.toBeNull();
    expect((header!.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBeUndefined();
    // Everything else is kept: the values of the seed are still there.
    const orig = new ExcelJS.Workbook();
    await orig.xlsx.readFile(input);
    const values = (w: ExcelJS.Workbook) => w.worksheets.map((s) => s.getSheetValues().map((row) => JSON.stringify(row)));
    expect(values(wb)).toEqual(values(orig));
  });

  test("--out pointing at the input is refused (exit 2), the file is unchanged", () => {
    const input = path.join(tmp, "same.xlsx");
    fs.copyFileSync(SEED, input);
    const before = sha(input);
    const r = run(["check", input, "--out", input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--out");
    expect(sha(input)).toBe(before);
  });

  test("several inputs: --out is a directory", () => {
    const dir = path.join(tmp, "outdir");
    const r = run(["check", SEED, SEED_TYPED, "--out", dir]);
    expect([0, 1]).toContain(r.code);
    expect(fs.readdirSync(dir).sort()).toEqual(["seed-typed.xlsx", "seed.xlsx"]);
  });
});

function encryptedPackage(): Buffer {
  const CFB = (XLSX as unknown as { CFB: { utils: { cfb_new(): unknown; cfb_add(c: unknown, n: string, d: Buffer): void }; write(c: unknown, o: object): Buffer } }).CFB;
  const c = CFB.utils.cfb_new();
  CFB.utils.cfb_add(c, "EncryptionInfo", Buffer.alloc(64, 1));
  CFB.utils.cfb_add(c, "EncryptedPackage", Buffer.alloc(4096, 2));
  return Buffer.from(CFB.write(c, { type: "buffer" }));
}

describe("bad input", () => {
  let bad: Record<string, string>;
  beforeAll(() => {
    const d = path.join(tmp, "bad");
    fs.mkdirSync(d);
    const seed = fs.readFileSync(SEED);
    const files: Record<string, Buffer> = {
      "empty.xlsx": Buffer.alloc(0),
      // Excel wraps a password-protected workbook in an OLE container with these two streams.
      "encrypted.xlsx": encryptedPackage(),
      "junk-ole.xls": Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024, 0xff)]),
      "picture.xlsx": Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(256, 7)]),
      "notes.xlsx": Buffer.from("这不是表格，只是一段文字。\n"),
      "truncated.xlsx": seed.subarray(0, Math.floor(seed.length * 0.6)),
    };
    bad = {};
    for (const [name, buf] of Object.entries(files)) {
      const p = path.join(d, name);
      fs.writeFileSync(p, buf);
      bad[name] = p;
    }
  });

  const CASES: [string, string, string, string][] = [
    ["empty.xlsx", "empty", "文件为空", "empty"],
    ["encrypted.xlsx", "encrypted", "加密", "password-protected"],
    ["picture.xlsx", "notXlsx", "PNG", "PNG image"],
    ["notes.xlsx", "notXlsx", "文本文件", "text file"],
    ["truncated.xlsx", "corrupt", "已损坏", "damaged"],
    ["junk-ole.xls", "corrupt", "已损坏", "damaged"],
    ["missing.xlsx", "missing", "不存在", "no such file"],
  ];
  // One run over every bad file plus the seed, in text and in JSON (en): each bad file gets one
  // line naming it and why, the seed after them is still checked, exit 2.
  let text: Run;
  let en: ReturnType<typeof json>;
  const fileOf = (name: string) => bad[name] ?? path.join(tmp, "bad", name);
  beforeAll(() => {
    const files = CASES.map(([name]) => fileOf(name));
    text = run(["check", ...files, SEED]);
    en = json(["check", ...files, SEED, "--lang", "en"]);
  });

  test("exit 2, the good file still checked, the failures counted", () => {
    expect(text.code).toBe(2);
    expect(en.code).toBe(2);
    expect(text.stdout).toContain(`文件：${SEED}`);
    expect(text.stdout).toContain(`；${CASES.length} 个文件无法读取`);
    expect(en.report.files.at(-1)!.tables).toHaveLength(3);
    expect(en.report.summary).toMatchObject({ files: CASES.length + 1, tables: 3, indicators: 30 });
  });

  test.each(CASES)("%s → one clear line naming the file and why (%s)", (name, code, zh, enReason) => {
    const file = fileOf(name);
    const lines = text.stdout.split("\n").filter((l) => l.includes(file));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}：无法读取——.*${zh}`));
    const f = en.report.files.find((x) => x.file === file)!;
    expect(f).toMatchObject({ errorCode: code, tables: [], issues: [] });
    expect(f.error).toContain(enReason);
    expect(en.stderr).toContain(`${file}: cannot read — ${f.error}`);
  });

  test("a folder with one good and one broken file: both reported, exit 2; lock files and other files skipped", () => {
    const d = path.join(tmp, "folder");
    fs.mkdirSync(path.join(d, "sub"), { recursive: true });
    fs.copyFileSync(SEED, path.join(d, "sub", "b-good.xlsx"));
    fs.writeFileSync(path.join(d, "a-broken.xlsx"), Buffer.alloc(0));
    fs.writeFileSync(path.join(d, "~$b-good.xlsx"), Buffer.alloc(165));
    fs.writeFileSync(path.join(d, "readme.txt"), "x");
    const { code, report } = json(["check", d]);
    expect(code).toBe(2);
    expect(report.files.map((f) => path.relative(d, f.file))).toEqual(["a-broken.xlsx", path.join("sub", "b-good.xlsx")]);
    expect(report.files[0].errorCode).toBe("empty");
    expect(report.files[1].tables).toHaveLength(3);
    expect(report.summary).toMatchObject({ files: 2, tables: 3, indicators: 30 });
  });

  test("an empty folder is reported, exit 2", () => {
    const d = path.join(tmp, "nothing-here");
    fs.mkdirSync(d);
    const { code, report } = json(["check", d]);
    expect(code).toBe(2);
    expect(report.files[0]).toMatchObject({ file: d, errorCode: "noXlsxInFolder" });
  });

  test("a sheet without a table says 未找到绩效目标表 and is not an error", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("杂项");
    for (let r = 1; r <= 50; r++) ws.addRow([r, `名称${r}`, new Date(Date.UTC(2022, 0, r)), r % 2 === 0, { error: "#REF!" }]);
    const p = path.join(tmp, "no-table.xlsx");
    await wb.xlsx.writeFile(p);
    const r = run(["check", p]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  工作表“杂项”：未找到绩效目标表");
    const { report } = json(["check", p]);
    expect(report.files[0]).toMatchObject({ tables: [], issues: [], sheets: [{ name: "杂项", tables: 0 }] });
    expect(run(["check", p, "--lang", "en"]).stdout).toContain('Sheet "杂项": no table found');
  });
});
