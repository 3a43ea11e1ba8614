/**
 * Unit tests of the CLI's pure parts: the JSON contract builder, the text formatter, argument
 * parsing, the input precheck and the annotated copy. The end-to-end runs are in cli.test.ts.
 */
import ExcelJS from "exceljs";
import { makeTable, ind } from "../helpers/table";
import { IssueSchema, type Issue } from "../../src/core/model/schema";
import { buildReport, exitCodeFor, fileJson, lightFile, writeReportJson, type FileResult } from "../../src/cli/report";
import { ReportSchema } from "../../src/cli/report-schema";
import { displayWidth, formatText, sheetRef } from "../../src/cli/text";
import { parseArgs, sniffLang, UsageError } from "../../src/cli/args";
import { precheck, sniff } from "../../src/cli/files";
import { annotateWorkbook, noteText, outputPaths, SEVERITY_FILL } from "../../src/cli/annotate";

const issue = (p: Partial<Issue> & Pick<Issue, "rule" | "severity" | "cell">): Issue =>
  IssueSchema.parse({ messageId: "m", message: `${p.rule} 说明`, sheet: "Sheet1", table: 0, data: {}, ...p });

const table = makeTable({
  plan: [null, 50, 90, 100],
  other: null,
  indicators: [
    ind("产出指标", "质量指标", "项目验收合格率", "≥95百分比"),
    { level2: "数量指标", name: "培训人次", value: "≥200人次", description: "参训人次", basis: "计划标准" }, // 一级 carried down
    ind("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%"),
  ],
});

const issues: Issue[] = [
  issue({ rule: "unit-wording", severity: "warning", cell: "F13", fix: { text: "≥95%", edits: [{ sheet: "Sheet1", cell: "F13", value: "≥95%" }] } }),
  issue({ rule: "plan-blank", severity: "warning", cell: "B7" }),
  issue({ rule: "budget-sum", severity: "error", cell: "C4" }),
  issue({ rule: "basis-weak", severity: "info", cell: "G13" }),
];

const good: FileResult = { file: "a/seed.xlsx", tables: [table], issues, sheets: [{ name: "Sheet1", tables: 1 }, { name: "说明", tables: 0 }] };
const broken: FileResult = { file: "b/bad.xlsx", error: { code: "empty", message: "文件为空（0 字节）" }, tables: [], issues: [] };

describe("buildReport (JSON contract)", () => {
  const report = buildReport([good, broken], "zh-CN");

  test.each([
    ["two files", [good, broken]],
    ["one file", [good]],
    ["no file", []],
  ] as [string, FileResult[]][])("written in pieces, the JSON is exactly JSON.stringify's (%s)", (_name, files) => {
    for (const locale of ["zh-CN", undefined]) {
      const r = buildReport(files, locale);
      const pieces: string[] = [];
      writeReportJson(r, (s) => pieces.push(String(s)));
      expect(pieces.join("")).toBe(JSON.stringify(r, null, 2) + "\n");
      expect(pieces.length).toBe(files.length === 0 ? 1 : files.length + 2);
      // As the check workers send them: each file's text made apart (fileJson), the file itself light.
      const light = { ...r, files: r.files.map(lightFile) };
      const fromWorkers: Buffer[] = [];
      const bytes = r.files.map((f) => new TextEncoder().encode(fileJson(f)));
      writeReportJson(light, (s) => fromWorkers.push(Buffer.from(s)), bytes);
      expect(Buffer.concat(fromWorkers).toString("utf8")).toBe(JSON.stringify(r, null, 2) + "\n");
    }
  });

  test("top-level shape and summary", () => {
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ files: 2, tables: 1, indicators: 3, errors: 1, warnings: 2, infos: 1 });
    expect(report.files.map((f) => f.file)).toEqual(["a/seed.xlsx", "b/bad.xlsx"]);
    expect(report.files[1]).toMatchObject({ error: "文件为空（0 字节）", errorCode: "empty", tables: [], issues: [] });
    expect(report.files[0].error).toBeUndefined();
  });

  test("table fields", () => {
    const t = report.files[0].tables[0];
    expect(t).toMatchObject({
      sheet: "Sheet1",
      range: table.range,
      projectName: "2022年业务培训项目",
      projectCode: "13102622P00237611645J",
      moneyUnit: "元",
      form: "88",
      budget: { total: 200000, fiscal: 200000, other: null },
      plan: { m3: null, m6: 50, m10: 90, m12: 100 },
    });
    expect(t.goals).toHaveLength(2);
  });

  test("indicators: cell of the 三级 name, canonical levels carried down, parsed value", () => {
    const [a, b] = report.files[0].tables[0].indicators;
    expect(a).toMatchObject({ cell: "C13", level1: "产出指标", level2: "质量指标", name: "项目验收合格率" });
    expect(a.value).toMatchObject({ raw: "≥95百分比", kind: "quantitative", op: "≥", number: 95, unit: "%" });
    expect(b).toMatchObject({ cell: "C14", level1: "产出指标", level2: "数量指标" });
  });

  test("issues: fix is the fix text, table index kept", () => {
    const out = report.files[0].issues;
    expect(out[0]).toMatchObject({ rule: "unit-wording", severity: "warning", sheet: "Sheet1", cell: "F13", table: 0, fix: "≥95%" });
    expect(out[1]).not.toHaveProperty("fix");
  });

  test("a plan-less table reports plan: null; an unrecognised level keeps its text", () => {
    const t2 = makeTable({ plan: null, indicators: [ind("奇怪指标", "数量指标", "人数", "≥10人")] });
    const r = buildReport([{ file: "x.xlsx", tables: [t2], issues: [] }]);
    expect(r.files[0].tables[0].plan).toBeNull();
    expect(r.files[0].tables[0].indicators[0].level1).toBe("奇怪指标");
  });

  test.each([
    ["version 2", (r: any) => (r.version = 2)],
    ["missing indicators", (r: any) => delete r.files[0].tables[0].indicators],
    ["bad severity", (r: any) => (r.files[0].issues[0].severity = "fatal")],
    ["form 99", (r: any) => (r.files[0].tables[0].form = "99")],
    ["plan value as text", (r: any) => (r.files[0].tables[0].plan.m6 = "50%")],
    ["summary without infos", (r: any) => delete r.summary.infos],
  ])("the schema rejects %s", (_name, mutate) => {
    const copy = JSON.parse(JSON.stringify(report));
    expect(ReportSchema.safeParse(copy).success).toBe(true);
    mutate(copy);
    expect(ReportSchema.safeParse(copy).success).toBe(false);
  });

  test.each([
    [[good], 1],
    [[{ ...good, issues: issues.filter((i) => i.severity !== "error") }], 0],
    [[{ ...good, issues: [] }, broken], 2],
    [[good, broken], 2],
  ] as [FileResult[], number][])("exit code %#", (files, code) => {
    expect(exitCodeFor(buildReport(files))).toBe(code);
  });
});

describe("formatText", () => {
  const report = buildReport([good, broken], "zh-CN");
  const text = formatText(report, { locale: "zh-CN", color: false });
  const lines = text.split("\n");

  test("file header, table header naming sheet, range, project and form", () => {
    expect(lines[0]).toBe("文件：a/seed.xlsx");
    expect(lines[1]).toBe(`  表1  Sheet1!${table.range}  项目名称：2022年业务培训项目，项目编码：13102622P00237611645J，88号表式（成本在产出下）`);
  });

  test("a department table (no 项目名称) is headed by its kind and its 部门（单位）", () => {
    const dept = { ...makeTable({ indicators: [ind("产出指标", "数量指标", "上报信息条数", "≥80条")] }), kind: "department" as const, projectCode: { value: null, cell: null } };
    const out = (locale: "zh-CN" | "en") =>
      formatText(buildReport([{ file: "c/dept.xlsx", tables: [dept], issues: [] }], locale), { locale, color: false }).split("\n")[1];
    expect(out("zh-CN")).toBe(`  表1  Sheet1!${dept.range}  部门整体支出绩效目标表，部门（单位）：303001测试单位本级，88号表式（成本在产出下）`);
    expect(out("en")).toContain("department table (部门整体支出绩效目标表), department: 303001测试单位本级");
  });

  test("one aligned line per issue: 工作表!单元格  严重性  规则  说明", () => {
    const issueLines = lines.filter((l) => l.startsWith("    Sheet1!"));
    expect(issueLines).toHaveLength(4);
    expect(issueLines[0]).toBe("    Sheet1!F13  警告  unit-wording  unit-wording 说明（可改为：≥95%）");
    expect(issueLines[2]).toBe("    Sheet1!C4   错误  budget-sum    budget-sum 说明");
    expect(issueLines[3]).toMatch(/^ {4}Sheet1!G13 {2}提示 {2}basis-weak {4}basis-weak 说明$/);
  });

  test("a sheet without a table, a file that could not be read, subtotal and total", () => {
    expect(lines).toContain("  工作表“说明”：未找到绩效目标表");
    expect(lines).toContain("b/bad.xlsx：无法读取——文件为空（0 字节）");
    expect(lines).toContain("  小计：1 张表，3 个指标；错误 1 个，警告 2 个，提示 1 个");
    expect(lines.filter(Boolean).at(-1)).toBe("合计：2 个文件，1 张表，3 个指标；错误 1 个，警告 2 个，提示 1 个；1 个文件无法读取");
  });

  test("no colour codes unless asked", () => {
    expect(text).not.toMatch(/\x1b\[/);
    const coloured = formatText(report, { locale: "zh-CN", color: true });
    expect(coloured).toContain("\x1b[31m错误");
    expect(coloured).toContain("\x1b[33m警告");
    expect(coloured.replace(/\x1b\[\d+m/g, "")).toBe(text);
  });

  test("English labels with --lang en", () => {
    const en = formatText(buildReport([good], "en"), { locale: "en", color: false });
    expect(en).toContain("File: a/seed.xlsx");
    expect(en).toMatch(/ {4}Sheet1!F13 {2}warning {2}unit-wording/);
    expect(en).toContain('Sheet "说明": no table found');
    expect(en).toContain("Total: files 1, tables 1, indicators 3; errors 1, warnings 2, infos 1");
  });

  test("a table with no issues says so", () => {
    const out = formatText(buildReport([{ ...good, issues: [] }]), { locale: "zh-CN", color: false });
    expect(out).toContain("    未发现问题");
  });

  test.each([
    ["abc", 3],
    ["工作表", 6],
    ["Sheet1!F13", 10],
    ["（可改为）", 10],
  ])("displayWidth(%s) = %d", (s, w) => expect(displayWidth(s)).toBe(w));

  test.each([
    ["Sheet1", "A1", "Sheet1!A1"],
    ["项目 表", "B2", "'项目 表'!B2"],
    ["2022", "C3", "'2022'!C3"],
    ["O'Brien", "D4", "'O''Brien'!D4"],
  ])("sheetRef(%s, %s)", (s, c, want) => expect(sheetRef(s, c)).toBe(want));
});

describe("parseArgs", () => {
  const ids = ["unit-wording", "plan-blank", "budget-sum"];
  test.each([
    [["check", "a.xlsx"], { command: "check", inputs: ["a.xlsx"], format: "text", rules: null, severity: {}, out: null, lang: "zh-CN", year: null, library: null }],
    [["check", "a.xlsx", "--library", "bureau.csv"], { library: "bureau.csv" }],
    [
      ["check", "a.xlsx", "dir", "--format", "json", "--rules", "unit-wording,plan-blank", "--lang=en", "--year", "2022", "--out", "o.xlsx"],
      { inputs: ["a.xlsx", "dir"], format: "json", rules: ["unit-wording", "plan-blank"], lang: "en", year: 2022, out: "o.xlsx" },
    ],
    [["check", "a.xlsx", "--severity", "plan-blank=off,budget-sum=warning"], { severity: { "plan-blank": "off", "budget-sum": "warning" } }],
    [["check", "--", "-odd.xlsx"], { inputs: ["-odd.xlsx"] }],
    [["--help"], { command: "help" }],
    [[], { command: "help" }],
    [["--version"], { command: "version" }],
    [["rules", "--lang", "en", "--format", "json"], { command: "rules", lang: "en", format: "json" }],
  ])("%j", (argv, want) => expect(parseArgs(argv, ids)).toMatchObject(want));

  test.each([
    [["check"], "noInputs"],
    [["lint", "a.xlsx"], "unknownCommand"],
    [["check", "a.xlsx", "--colour"], "unknownOption"],
    [["check", "a.xlsx", "--format"], "missingValue"],
    [["check", "a.xlsx", "--format", "xml"], "badFormat"],
    [["check", "a.xlsx", "--lang", "fr"], "badLang"],
    [["check", "a.xlsx", "--rules", "unit-wording,no-such-rule"], "unknownRule"],
    [["check", "a.xlsx", "--severity", "no-such-rule=off"], "unknownRule"],
    [["check", "a.xlsx", "--severity", "plan-blank=fatal"], "badSeverity"],
    [["check", "a.xlsx", "--severity", "plan-blank"], "badSeverity"],
    [["check", "a.xlsx", "--year", "22"], "badYear"],
    [["check", "a.xlsx", "--library", "bureau.txt"], "badLibrary"],
  ])("%j is a usage error (%s)", (argv, key) => {
    let err: unknown;
    try {
      parseArgs(argv, ids);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).key).toBe(key);
  });

  test("the unknown-rule error lists the valid ids", () => {
    try {
      parseArgs(["check", "a.xlsx", "--rules", "nope"], ids);
    } catch (e) {
      expect((e as UsageError).data).toEqual({ ids: "nope", valid: "budget-sum, plan-blank, unit-wording" });
    }
    expect.assertions(1);
  });

  test("sniffLang finds --lang before parsing", () => {
    expect(sniffLang(["check", "--bad", "--lang", "en"])).toBe("en");
    expect(sniffLang(["check", "--lang=en"])).toBe("en");
    expect(sniffLang(["check", "--lang", "fr"])).toBe("zh-CN");
  });
});

describe("precheck and sniff", () => {
  const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
  const zipNoWorkbook = Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.from("word/document.xml")]);
  test.each([
    ["empty", Buffer.alloc(0), { code: "empty" }],
    ["text named .xlsx", Buffer.from("a,b\n"), { code: "notXlsx", detail: "text" }],
    ["png", png, { code: "notXlsx", detail: "png" }],
    ["text", Buffer.from("项目名称,预算数\n培训,200000\n"), { code: "notXlsx", detail: "text" }],
    ["pdf", Buffer.from("%PDF-1.7\n"), { code: "notXlsx", detail: "pdf" }],
    ["zip without a workbook", zipNoWorkbook, { code: "notXlsx", detail: "zip" }],
    ["binary junk", Buffer.from([1, 2, 3, 0, 0, 9]), { code: "notXlsx", detail: "unknown" }],
  ])("%s", (_n, buf, want) => expect(precheck(buf, "x.xlsx")).toMatchObject(want));

  test.each([
    ["an OLE container (.xls / .et, or an encrypted package: the reader tells)", cfb, "x.xls"],
    ["text named .csv", Buffer.from("项目名称,预算数\n"), "x.csv"],
    ["UTF-16 text named .csv", Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x2c, 0x00]), "x.CSV"],
  ])("%s goes on to the reader", (_n, buf, name) => expect(precheck(buf, name)).toBeNull());

  test("a real xlsx passes", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = 1;
    const buf = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(precheck(buf)).toBeNull();
    expect(sniff(buf)).toBe("zip");
  });
});

describe("annotated copy", () => {
  test("fills by worst severity, notes every message, leaves same-style cells alone", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    for (const a of ["F13", "F14", "F15", "C4", "B7"]) {
      ws.getCell(a).value = a;
      ws.getCell(a).font = { bold: true };
    }
    ws.getCell("B7").note = "原有批注";
    ws.mergeCells("C4:D4");
    // Round-trip so that styles are shared the way ExcelJS shares them on load.
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const n = annotateWorkbook(
      loaded,
      [...issues, issue({ rule: "basis-weak", severity: "info", cell: "F13" }), issue({ rule: "x", severity: "error", cell: "D4" }), issue({ rule: "y", severity: "info", cell: null })],
      "zh-CN",
    );
    expect(n).toBe(5); // F13, B7, C4, G13, D4 → merged into C4 but counted per reported cell
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await loaded.xlsx.writeBuffer()) as ArrayBuffer);
    const s = again.getWorksheet("Sheet1")!;
    const argb = (a: string) => ((s.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? null);
    expect(argb("F13")).toBe(SEVERITY_FILL.warning);
    expect(argb("C4")).toBe(SEVERITY_FILL.error);
    expect(argb("G13")).toBe(SEVERITY_FILL.info);
    expect(argb("F14")).toBeNull();
    expect(argb("F15")).toBeNull();
    expect(s.getCell("F14").font?.bold).toBe(true);
    const note = (a: string) => {
      const v = s.getCell(a).note as unknown;
      return typeof v === "string" ? v : ((v as { texts: { text: string }[] }).texts.map((x) => x.text).join(""));
    };
    expect(note("F13")).toBe("[警告] unit-wording: unit-wording 说明（可改为：≥95%）\n[提示] basis-weak: basis-weak 说明");
    expect(note("B7")).toBe("原有批注\n[警告] plan-blank: plan-blank 说明");
    expect(note("C4")).toContain("[错误] x: x 说明");
  });

  test("noteText in English puts the worst first", () => {
    expect(noteText([issue({ rule: "a", severity: "info", cell: "A1" }), issue({ rule: "b", severity: "error", cell: "A1" })], "en")).toBe(
      "[error] b: b 说明\n[info] a: a 说明",
    );
  });

  test.each([
    ["one file → that path", "out.xlsx", ["a.xlsx"], [{ file: "a.xlsx", rel: "a.xlsx", fromFolder: false }], false, ["out.xlsx"]],
    [
      "several files → a directory, name collisions numbered",
      "outdir",
      ["x/a.xlsx", "y/a.xlsx"],
      [
        { file: "x/a.xlsx", rel: "a.xlsx", fromFolder: false },
        { file: "y/a.xlsx", rel: "a.xlsx", fromFolder: false },
      ],
      true,
      ["outdir/a.xlsx", "outdir/a-2.xlsx"],
    ],
    ["a folder → a directory keeping relative paths", "o", ["in"], [{ file: "in/sub/b.xlsx", rel: "sub/b.xlsx", fromFolder: true }], true, ["o/sub/b.xlsx"]],
  ])("outputPaths: %s", (_n, out, inputs, entries, dir, want) => {
    expect(outputPaths(out, inputs, entries)).toEqual({ directory: dir, paths: want });
  });
});
