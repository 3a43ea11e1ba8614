/** `jixiao suggest` and `jixiao library`: the JSON contract, text output, filters, import/export, bad input. */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { SUBCOMMANDS } from "../../src/cli/commands";
import { suggestCommand } from "../../src/cli/commands/suggest";
import { libraryCommand } from "../../src/cli/commands/library";
import type { Io } from "../../src/cli/io";
import { BUILTIN_ENTRIES } from "../../src/core/library/builtin";
import { libraryToRows, parseLibraryRows } from "../../src/core/library/import";
import { toCsv } from "../../src/core/library/csv";

interface Out {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(cmd: typeof suggestCommand, argv: string[]): Promise<Out> {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), color: false };
  const code = await cmd(argv, io);
  return { code, stdout, stderr };
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-library-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("both commands are registered (loaded when they run)", async () => {
  const io = { stdout: () => {}, stderr: () => {}, color: false };
  expect(await SUBCOMMANDS.suggest(["--help"], io)).toBe(await suggestCommand(["--help"], io));
  expect(await SUBCOMMANDS.library(["--help"], io)).toBe(await libraryCommand(["--help"], io));
});

describe("suggest", () => {
  test("JSON: { query, results: [{ id, name, level1, level2, unit, typical, score }] }, best first", async () => {
    const r = await run(suggestCommand, ["项目验收合格率", "--format", "json"]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(Object.keys(body)).toEqual(["query", "results"]);
    expect(body.query).toBe("项目验收合格率");
    expect(body.results.length).toBe(10);
    for (const x of body.results) expect(Object.keys(x)).toEqual(["id", "name", "level1", "level2", "unit", "typical", "score"]);
    expect(body.results[0]).toMatchObject({ name: "项目（工程）验收合格率", level1: "产出指标", level2: "质量指标", unit: "%", typical: "=100%" });
    const scores = body.results.map((x: { score: number }) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
  test("pinyin initials, --level2, --type, --limit", async () => {
    const py = JSON.parse((await run(suggestCommand, ["xmyshgl", "--format", "json"])).stdout);
    expect(py.results[0].name).toBe("项目（工程）验收合格率");
    const l2 = JSON.parse((await run(suggestCommand, ["完成", "--level2", "时效", "--limit", "20", "--format", "json"])).stdout);
    expect(l2.results.length).toBe(20);
    expect(l2.results.every((x: { level2: string }) => x.level2 === "时效指标")).toBe(true);
    const ty = JSON.parse((await run(suggestCommand, ["满意度", "--type", "会议", "--limit", "3", "--format", "json"])).stdout);
    expect(ty.results.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(["服务对象满意度"]));
    expect(ty.results).toHaveLength(3);
  });
  test("text output: numbered lines with category, unit, typical value, score and why", async () => {
    const r = await run(suggestCommand, ["按时完工", "--limit", "2"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("“按时完工”的匹配结果（2 条）：");
    expect(lines[1]).toMatch(/^1\. 工程完工时间　［产出指标\/时效指标］　单位：—　参考值：X月X日前　得分：\d/);
    expect(lines[2]).toContain("理由：“按时完工”是它的常见写法");
    const en = await run(suggestCommand, ["按时完工", "--limit", "1", "--lang", "en"]);
    expect(en.stdout).toContain("why: “按时完工” is a common way of writing it");
    expect((await run(suggestCommand, ["火星车轮胎气压"])).stdout).toContain("没有与“火星车轮胎气压”匹配的指标");
  });
  test.each([
    [[], "请给出要查找的指标名称"],
    [["培训", "--limit", "0"], "--limit 应为正整数"],
    [["培训", "--type", "火星探测"], "未知的项目类型：火星探测"],
    [["培训", "--level2", "奇怪指标"], "无法识别的指标类别：奇怪指标"],
    [["培训", "--bogus", "1"], "未知选项：--bogus"],
    [["培训", "--import", "lib.txt"], "--import 只支持"],
  ])("usage error %j → exit 2", async (argv, message) => {
    const r = await run(suggestCommand, argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(message);
  });
});

describe("library", () => {
  test("--format json lists every entry (no pinyin)", async () => {
    const r = await run(libraryCommand, ["--format", "json"]);
    const body = JSON.parse(r.stdout);
    expect(body.count).toBe(BUILTIN_ENTRIES.length);
    expect(body.entries).toHaveLength(BUILTIN_ENTRIES.length);
    expect(body.entries[0].pinyin).toBeUndefined();
    expect(body.entries.map((e: { id: string }) => e.id)).toEqual(BUILTIN_ENTRIES.map((e) => e.id));
  });
  test("text: one line per entry", async () => {
    const r = await run(libraryCommand, []);
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(BUILTIN_ENTRIES.length + 1);
  });
  test("--out library.xlsx writes the merged library; reading it back gives the same entries", async () => {
    const file = path.join(tmp, "library.xlsx");
    const r = await run(libraryCommand, ["--out", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`已导出指标库（${BUILTIN_ENTRIES.length} 条）`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("指标库")!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)))));
    const back = parseLibraryRows(rows);
    expect(back.skipped).toEqual([]);
    expect(back.entries).toEqual(BUILTIN_ENTRIES.map(({ pinyin: _p, ...rest }) => rest));
    // …and importing that file again changes nothing.
    const again = JSON.parse((await run(libraryCommand, ["--import", file, "--format", "json"])).stdout);
    expect(again.count).toBe(BUILTIN_ENTRIES.length);
    expect(again.import.skipped).toEqual([]);
  });
  test("--import a CSV with bad rows: the good ones are merged, the bad ones reported by row and reason", async () => {
    const file = path.join(tmp, "bureau.csv");
    fs.writeFileSync(
      file,
      toCsv([
        ["一级指标", "二级指标", "三级指标", "指标解释", "计量单位", "指标值", "项目类型"],
        ["产出指标", "数量指标", "巡河次数", "全年河长巡河的次数", "次", "≥48", "环保"],
        ["产出指标", "数量指标", "", "无名", "次", "≥1", ""],
        ["产出指标", "数量指标", "巡河长度", "巡查河道长度", "个人", "≥1", ""],
        ["产出指标", "数量指标", "培训人次", "本局口径：参训人次", "人次", "≥300", "培训"],
      ]),
    );
    const r = await run(libraryCommand, ["--import", file, "--format", "json"]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.count).toBe(BUILTIN_ENTRIES.length + 1); // 巡河次数 added, 培训人次 replaced
    expect(body.entries.find((e: { name: string }) => e.name === "培训人次").definition).toBe("本局口径：参训人次");
    expect(body.import.skipped.map((s: { row: number; reason: string }) => [s.row, s.reason])).toEqual([
      [3, "missingName"],
      [4, "oddUnit"],
    ]);
    expect(r.stderr).toContain("已合并自定义指标库");
    expect(r.stderr).toContain("第 4 行：无法识别的计量单位：个人");
    // suggest sees the merged library, pinyin included.
    const s = JSON.parse((await run(suggestCommand, ["xhcs", "--import", file, "--format", "json"])).stdout);
    expect(s.results[0].name).toBe("巡河次数");
  });
  test("--import without the required columns imports nothing: exit 2 and why", async () => {
    const file = path.join(tmp, "nolevel2.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("库");
    ws.addRow(["一级指标", "三级指标", "指标值"]);
    ws.addRow(["产出指标", "巡河次数", "≥48次"]);
    await wb.xlsx.writeFile(file);
    const r = await run(libraryCommand, ["--import", file, "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("缺少必需的列：二级指标；未导入任何指标");
  });
  test("--import JSON records; an unreadable file", async () => {
    const file = path.join(tmp, "lib.json");
    const rows = libraryToRows(BUILTIN_ENTRIES.slice(0, 3));
    fs.writeFileSync(file, JSON.stringify({ entries: rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]]))) }));
    const ok = await run(libraryCommand, ["--import", file, "--format", "json"]);
    expect(JSON.parse(ok.stdout).import.imported).toBe(3);
    fs.writeFileSync(path.join(tmp, "bad.json"), "{ not json");
    const bad = await run(libraryCommand, ["--import", path.join(tmp, "bad.json")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("无法导入自定义指标库");
  });
  test("--import a workbook: read as check reads one — merged categories cover their rows, .ods as .xlsx, a broken file or a stray cell at XFD1048576 refused plainly", async () => {
    // A bureau's list with 一级 / 二级 merged down over their rows, as officers format it.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("本局指标");
    ws.addRow(["一级指标", "二级指标", "三级指标", "指标解释", "计量单位"]);
    ws.addRow(["产出指标", "数量指标", "巡河次数", "全年河长巡河的次数", "次"]);
    ws.addRow([null, null, "巡河里程", "全年巡查的河道长度", "公里"]);
    ws.addRow([null, "质量指标", "问题整改率", "已整改问题占发现问题的比例", "%"]);
    ws.mergeCells("A2:A4");
    ws.mergeCells("B2:B3");
    const xlsx = path.join(tmp, "bureau.xlsx");
    await wb.xlsx.writeFile(xlsx);
    const r = await run(libraryCommand, ["--import", xlsx, "--format", "json"]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.import.skipped).toEqual([]);
    const mine = body.entries.filter((e: { name: string }) => ["巡河次数", "巡河里程", "问题整改率"].includes(e.name));
    expect(mine.map((e: { name: string; level1: string; level2: string }) => [e.name, e.level1, e.level2])).toEqual([
      ["巡河次数", "产出指标", "数量指标"],
      ["巡河里程", "产出指标", "数量指标"],
      ["问题整改率", "产出指标", "质量指标"],
    ]);
    // The same list saved as .ods imports the same entries.
    const ods = path.join(tmp, "bureau.ods");
    fs.writeFileSync(ods, XLSX.write(XLSX.read(fs.readFileSync(xlsx), { type: "buffer" }), { type: "buffer", bookType: "ods" }) as Buffer);
    const fromOds = JSON.parse((await run(libraryCommand, ["--import", ods, "--format", "json"])).stdout).entries;
    const source = (e: { provenance: { label: string } }) => ({ ...e, provenance: { ...e.provenance, label: e.provenance.label.replace(/\.(ods|xlsx)$/, "") } });
    expect(fromOds.map(source)).toEqual(body.entries.map(source));
    // Random bytes named .xlsx: the checker's message, not the zip library's.
    const junk = path.join(tmp, "junk.xlsx");
    fs.writeFileSync(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
    const bad = await run(libraryCommand, ["--import", junk]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("无法导入自定义指标库");
    expect(bad.stderr).toContain("文件格式无法识别");
    // One stray value far away: refused at once with the range named (the reader's cell cap).
    ws.getCell("XFD1048576").value = "误填";
    const stray = path.join(tmp, "stray.xlsx");
    await wb.xlsx.writeFile(stray);
    const s = await run(libraryCommand, ["--import", stray]);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain("A1:XFD1048576");
  });
  test("usage errors", async () => {
    expect((await run(libraryCommand, ["extra"])).code).toBe(2);
    expect((await run(libraryCommand, ["--out", "x.pdf"])).stderr).toContain("--out 只支持 .xlsx 或 .csv");
    expect((await run(libraryCommand, ["--format", "xml"])).code).toBe(2);
  });
});

test("npm run cli -- suggest: the built CLI dispatches to the command", () => {
  const root = path.resolve(__dirname, "../..");
  execFileSync("node", ["scripts/build-cli.mjs", "--quiet"], { cwd: root });
  const r = spawnSync("node", ["bin/jixiao.js", "suggest", "会场布置总成本", "--format", "json", "--limit", "1"], { cwd: root, encoding: "utf8" });
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout).results[0].name).toBe("会场布置总成本");
}, 60000);
