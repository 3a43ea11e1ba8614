/**
 * `npm run bench` (= node --expose-gc lib/bench.js): a benchmark, not a test. Every figure printed
 * here is measured on the spot; nothing is written by hand.
 *
 * Sections (run all, or pick with --section name[,name]):
 *   workbook  generate a workbook of N seed-like tables (default 1,000 across 10 sheets), then:
 *             - in memory: analyzeGrids on grids built from it, first call (cold) and warm runs, with
 *               its detection / rules split and each rule alone;
 *             - in process: a check worker's work end to end (read, parse: zip + the .xlsx reader + grids,
 *               analyze, JSON report, stringify), every phase timed inside the same run, each run
 *               paired with an "ExcelJS load alone" run; the ratio check / load per run, median;
 *             - as processes: `node lib/jixiao.js check <file> --format json > /dev/null` against a
 *               node process that only loads the file with ExcelJS (what a user waits for),
 *               alternated, median of --proc-runs (5), with the peak RSS of each;
 *             - peak memory.
 *   scale     table detection on one sheet of 100 and of 1,000 stacked tables: time per table (linear?);
 *   folder    generate a folder of N single-table workbooks (default 1,000, in subfolders of 100),
 *             then `jixiao check <folder> --format json` at --jobs 1 and --jobs 2, alternated (median
 *             of --folder-runs each): files per second, the speed-up, and peak RSS (getrusage of the
 *             whole process, workers included) against one file of the folder and against the
 *             1,000-table workbook of the workbook section.
 *   bundle    the task pane's JavaScript in a production build (shared with the pane section's TTI;
 *             --dist DIR to measure an existing build): the initial JS gzipped (target < 250 KB), the
 *             indicator library's share of it (target < 150 KB), and every lazy chunk (KB = 1,024 bytes).
 * A GC (--expose-gc) runs before every timed run. The load average is printed before and after:
 * figures taken on a busy machine are slower and noisier.
 * Later sections (e.g. the task pane) add an entry to SECTIONS.
 *
 * Options: --tables 1000  --sheets 10  --runs 5 (in-process CLI)  --mem-runs 9 (in memory)
 *          --proc-runs 5  --files 1000  --folder-runs 5  --section workbook,folder (or --only pane,library)  --keep
 * Output: a table per section, then one line `BENCH {json}` with every figure, for BENCHMARKS.md.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import { analyzeGrids, readTables } from "../src/core/analyze";
import { detectTables } from "../src/core/layout";
import { stackedSeedGrid } from "../test/fixtures/seed-grid";
import { runRules } from "../src/core/rules/engine";
import { ALL_RULES } from "../src/core/rules/registry";
import type { CellGrid } from "../src/core/grid/cellgrid";
import { readInput } from "../src/cli/files";
import { bookToGrids, readWorkbook, sheetJsBook } from "../src/cli/read/workbook";
import { readZipParts } from "../src/cli/read/zip";
import { SaxesParser } from "saxes";
import { DEFAULT_LIMITS } from "../src/cli/read/limits";
import { buildReport } from "../src/cli/report";
import { librarySection, paneSection } from "./bench-pane";
import { cleanupProductionBuild, productionBuild } from "./bench-browser";
import { builtinSearchIndex } from "../src/core/library/builtin-index";
import { withLibrary } from "../src/cli/check";
import * as zlib from "node:zlib";

// ---------------------------------------------------------------------------------------------
// Options and helpers

interface Options {
  tables: number;
  sheets: number;
  /** In-process runs (in-memory validation and the CLI phases), median taken. */
  runs: number;
  /** In-memory validation runs (analyzeGrids, detection, rules), median taken. */
  memRuns: number;
  /** Process runs (CLI and load-only), median taken. */
  procRuns: number;
  sections: string[] | null;
  keep: boolean;
  /** Folder section: single-table workbooks to generate, and runs per --jobs setting. */
  files: number;
  folderRuns: number;
}

function parseOptions(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    tables: Number(get("--tables") ?? 1000),
    sheets: Number(get("--sheets") ?? 10),
    runs: Number(get("--runs") ?? 5),
    memRuns: Number(get("--mem-runs") ?? 9),
    procRuns: Number(get("--proc-runs") ?? 5),
    files: Number(get("--files") ?? 1000),
    folderRuns: Number(get("--folder-runs") ?? 5),
    sections: (get("--section") ?? get("--only"))?.split(",") ?? null,
    keep: argv.includes("--keep"),
  };
}

const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const MB = 1024 * 1024;

/** Samples heapUsed while async work runs (the timer fires between ExcelJS's awaits). */
class HeapSampler {
  peak = 0;
  private timer: NodeJS.Timeout | null = null;
  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), 5);
  }
  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().heapUsed);
  }
  stop(): void {
    this.sample();
    if (this.timer) clearInterval(this.timer);
  }
}

/**
 * Runs fn `times` times after a GC each and returns every wall-clock duration in ms, the process CPU
 * time (user + system, all threads incl. GC helpers) of each run in ms, and the last result.
 */
async function timeRuns<T>(times: number, fn: () => Promise<T> | T): Promise<{ ms: number[]; cpu: number[]; last: T }> {
  const ms: number[] = [];
  const cpu: number[] = [];
  let last!: T;
  for (let i = 0; i < times; i++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    last = await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms, cpu, last };
}

interface Row {
  metric: string;
  value: number | string;
  unit: string;
  target?: string;
}

interface Section {
  name: string;
  title: string;
  run(opts: Options): Promise<{ rows: Row[]; figures: Record<string, unknown>; ok: boolean }>;
}

// ---------------------------------------------------------------------------------------------
// Workbook generator: seed-like tables (the layout of the seed document, test fixtures' shape)

const PLACES = ["工业新区", "经济开发区", "高新园区", "物流园区", "农业园区", "科技园", "商贸区", "生态园"];
const ACTIVITIES = ["会场搭建", "租赁施工机械", "基础设施建设", "道路维修", "绿化养护", "招商推介", "人才培训", "环境监测", "安全检查", "信息化建设"];
const QTY = [
  ["搭建展位数量", "个"],
  ["租赁机械台数", "台"],
  ["改造道路长度", "公里"],
  ["培训人次", "人次"],
  ["养护面积", "平方米"],
  ["监测点位数", "个"],
  ["检查企业数", "家"],
  ["举办推介会场次", "场"],
];

/**
 * The indicator rows of table i: ten rows whose names and values vary with i (three carry numbers
 * unique to the table, the others cycle with co-prime periods), so that two generated tables share
 * at most a few rows and copied-indicators fires only on the deliberate copies.
 */
function indicatorRows(i: number, budget: number): (string | null)[][] {
  const [qName, qUnit] = QTY[i % QTY.length];
  const wan = budget / 10000;
  const pct = (base: number) => `≥${base + (i % 5)}${i % 3 === 0 ? "百分比" : "%"}`;
  return [
    ["产出指标", "数量指标", qName, `全年完成的${qName}`, null, `≥${10 + i}${qUnit}`, "计划标准"],
    [null, "质量指标", `${ACTIVITIES[i % ACTIVITIES.length]}验收合格率`, "验收合格的项目占全部项目的比例", null, pct(90), "行业标准"],
    [null, "时效指标", "完成时间", "项目全部完成的时间", null, `2022年${1 + (i % 12)}月${10 + (i % 19)}日前`, "计划标准"],
    [null, "成本指标", `${ACTIVITIES[(i + 3) % ACTIVITIES.length]}总成本`, "项目实施的全部支出", null, `≤${wan}万元`, "预算支出标准"],
    [null, i % 7 === 0 ? "数量指标" : "质量指标", i % 7 === 0 ? "资金拨付到位率" : `${qName}达标率`, "达到标准的比例", null, pct(85), "历史标准"],
    ["效益指标", "经济效益指标", `带动${PLACES[i % PLACES.length]}投资额`, "项目带动的社会投资", null, `≥${50 + i}万元`, "历史标准"],
    [null, "社会效益指标", `${PLACES[(i + 1) % PLACES.length]}服务覆盖率`, "服务覆盖的企业占比", null, `≥${60 + (i % 37)}%`, "计划标准"],
    [null, "生态效益指标", "扬尘污染投诉下降率", "投诉件数较上年下降的比例", null, `≥${5 + (i % 23)}%`, "历史标准"],
    [null, "可持续影响指标", "设施持续使用年限", "建成设施可正常使用的年限", null, `≥${3 + (i % 8)}年`, "行业标准"],
    ["满意度指标", "服务对象满意度指标", i % 11 === 0 ? "项目单位满意度" : "入驻企业满意度", "问卷调查中满意及以上的比例", null, `≥${85 + (i % 10)}%`, "计划标准"],
  ];
}

/** Writes one seed-like table at `top` (1-based row) and returns the next free row. */
function writeTable(ws: ExcelJS.Worksheet, top: number, i: number, copyOf: number | null): number {
  const src = copyOf ?? i;
  const activity = ACTIVITIES[i % ACTIVITIES.length];
  const place = PLACES[i % PLACES.length];
  const budget = 100000 + 5000 * i;
  const name = `${place}2022年${activity}项目资金（第${i + 1}号）`;
  const code = `13102622P${String(237611000 + i).padStart(11, "0")}${String.fromCharCode(65 + (i % 26))}`;
  let r = top;
  const row = (cells: (string | number | null)[]) => {
    cells.forEach((v, c) => {
      if (v !== null) ws.getCell(r, c + 1).value = v;
    });
    return r++;
  };
  const t = row([`${i + 1}.${name}绩效目标表`]);
  ws.mergeCells(t, 1, t, 7);
  const u = row(["303001文安工业新区管理处本级", null, null, null, null, null, "单位：元"]);
  ws.mergeCells(u, 1, u, 6);
  const c = row(["项目编码", code, null, "项目名称", name]);
  ws.mergeCells(c, 2, c, 3);
  ws.mergeCells(c, 5, c, 7);
  const b = row(["预算规模及资金用途", "预算数", budget.toFixed(2), "其中：财政资金", budget.toFixed(2), "其他资金", null]);
  const p = row([null, `${activity}经费`]);
  ws.mergeCells(b, 1, p, 1);
  ws.mergeCells(p, 2, p, 7);
  const ph = row(["资金支出计划（%）", "3月底", null, "6月底", "10月底", "12月底"]);
  ws.mergeCells(ph, 2, ph, 3);
  const plan = i % 4 === 0 ? ["100%", "100%", "100%", "100%"] : [`${10 + (i % 20)}%`, "50%", "90%", "100%"];
  const pv = row([null, plan[0], null, plan[1], plan[2], plan[3]]);
  ws.mergeCells(pv, 2, pv, 3);
  ws.mergeCells(ph, 1, pv, 1);
  const [qName, qUnit] = QTY[i % QTY.length];
  const g = row(["绩效目标", `1.完成${place}${activity}任务，全年${qName}达到${10 + i}${qUnit}。\n2.项目支出控制在${budget / 10000}万元以内。`]);
  ws.mergeCells(g, 2, g, 7);
  const h = row(["一级指标", "二级指标", "三级指标", "绩效指标描述", null, "指标值", "指标值确定依据"]);
  ws.mergeCells(h, 4, h, 5);
  const inds = indicatorRows(src, budget);
  const first = r;
  for (const ind of inds) {
    const ir = row(ind);
    ws.mergeCells(ir, 4, ir, 5);
  }
  // 一级 cells merged down over their block, as in the seed.
  const blocks = [
    [0, 4],
    [5, 8],
    [9, 9],
  ];
  for (const [a, z] of blocks) if (z > a) ws.mergeCells(first + a, 1, first + z, 1);
  return r + 2; // two blank rows between stacked tables
}

async function generateWorkbook(file: string, tables: number, sheets: number): Promise<{ copies: number }> {
  const wb = new ExcelJS.Workbook();
  const perSheet = Math.ceil(tables / sheets);
  let copies = 0;
  for (let s = 0; s < sheets; s++) {
    const ws = wb.addWorksheet(`绩效目标表${s + 1}`);
    ws.columns = [10, 18, 24, 30, 4, 14, 20].map((width) => ({ width }));
    let top = 1;
    for (let k = 0; k < perSheet; k++) {
      const i = s * perSheet + k;
      if (i >= tables) break;
      // Every 25th table copies the indicator rows of the one before it (copied-indicators fires).
      const copyOf = i % 25 === 24 ? i - 1 : null;
      if (copyOf !== null) copies++;
      top = writeTable(ws, top, i, copyOf);
    }
  }
  await wb.xlsx.writeFile(file);
  return { copies };
}

// ---------------------------------------------------------------------------------------------
// Section: workbook (load vs check, in-memory validation, memory)

/**
 * A preloaded script (`node -r`) that writes the process's peak RSS (getrusage: all threads, the
 * check workers included) to the file named by JIXIAO_BENCH_RSS when the process exits.
 */
const RSS_PROBE = path.join(os.tmpdir(), `jixiao-bench-rss-probe-${process.pid}.js`);
fs.writeFileSync(
  RSS_PROBE,
  // Peak RSS (KB) and CPU time (user + system, µs) of the whole process, worker threads included.
  `process.on("exit", () => { const u = process.resourceUsage(); require("fs").writeFileSync(process.env.JIXIAO_BENCH_RSS, u.maxRSS + " " + (u.userCPUTime + u.systemCPUTime)); });\n`,
);
process.on("exit", () => fs.rmSync(RSS_PROBE, { force: true }));

/**
 * Runs `node <args>` to completion: its wall time in ms, exit status, peak RSS in MB and CPU time in
 * ms (all threads; unlike the wall time, barely changed by other jobs on the machine) — stdout
 * discarded, like `> /dev/null`.
 */
function timeProcess(args: string[]): { ms: number; status: number | null; stderr: string; rssMB: number; cpuMs: number } {
  const rssFile = `${RSS_PROBE}.out`;
  fs.rmSync(rssFile, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-r", RSS_PROBE, ...args], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    env: { ...process.env, JIXIAO_BENCH_RSS: rssFile },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const [rssKB, cpuUs] = fs.existsSync(rssFile) ? fs.readFileSync(rssFile, "utf8").split(" ").map(Number) : [NaN, NaN];
  fs.rmSync(rssFile, { force: true });
  return { ms, status: r.status, stderr: r.stderr ?? "", rssMB: rssKB / 1024, cpuMs: cpuUs / 1000 };
}

const ROOT = path.resolve(__dirname, "..");
/** A process that only loads the workbook with ExcelJS (read + load, as the CLI does), then exits. */
const LOAD_ONLY_JS = `const ExcelJS = require("exceljs"); const fs = require("fs");
new ExcelJS.Workbook().xlsx.load(fs.readFileSync(process.argv[1])).then((wb) => { if (!wb.worksheets.length) process.exit(3); });`;

const PHASES = ["read", "parse", "analyze", "report", "stringify"] as const;
type Phase = (typeof PHASES)[number];

const workbookSection: Section = {
  name: "workbook",
  title: "CLI on a generated workbook",
  async run(opts) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-"));
    const file = path.join(dir, `bench-${opts.tables}.xlsx`);
    const tGen = await timeRuns(1, () => generateWorkbook(file, opts.tables, opts.sheets));
    const size = fs.statSync(file).size;
    const runs = opts.runs;

    // 1. In memory first, so that the first call is really cold (no JIT, empty memo caches):
    //    analyzeGrids on grids built from the file, then warm runs (a GC before each).
    const { grids } = readWorkbook(fs.readFileSync(file), file, DEFAULT_LIMITS);
    // The built-in indicator library's index, which the CLI passes to the nonstandard-wording rule
    // (built once per process, timed on its own).
    const tIndex = await timeRuns(1, () => builtinSearchIndex());
    const config = { locale: "zh-CN" as const, options: { libraryIndex: tIndex.last } };
    const cold = await timeRuns(1, () => analyzeGrids(grids, config));
    const memRuns = opts.memRuns;
    const analyze = await timeRuns(memRuns, () => analyzeGrids(grids, config));
    const detect = await timeRuns(memRuns, () => grids.flatMap((g: CellGrid) => readTables(g)));
    const tables = detect.last;
    const rules = await timeRuns(memRuns, () => runRules(tables, config));
    // Each rule alone (fastest of 3 runs each), to show where the rules' time goes.
    const perRule: Record<string, number> = {};
    for (const rule of ALL_RULES) {
      const one = await timeRuns(3, () => runRules(tables, { ...config, rules: [rule] }));
      perRule[rule.meta.id] = round(Math.min(...one.ms));
    }
    const slowest = Object.entries(perRule)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5);

    // 2. In process, end to end as a check worker does it (read, parse: zip + the .xlsx reader + grids,
    //    analyze, JSON report, JSON.stringify(report, null, 2)), every phase timed inside the same
    //    run, so the end-to-end figure of a run is the sum of its phases. Each run is paired with an
    //    "ExcelJS load alone" run right before it (alternating, a GC before each), so both see the
    //    same load.
    const sampler = new HeapSampler();
    sampler.start();
    const phases: Record<Phase, number[]> = { read: [], parse: [], analyze: [], report: [], stringify: [] };
    const endToEnd: number[] = [];
    const loadAlone: number[] = [];
    let reportJsonBytes = 0;
    let reportError: string | undefined;
    for (let k = 0; k < runs; k++) {
      gc();
      let t = process.hrtime.bigint();
      const wbAlone = new ExcelJS.Workbook();
      await wbAlone.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
      loadAlone.push(Number(process.hrtime.bigint() - t) / 1e6);

      gc();
      const t0 = process.hrtime.bigint();
      t = t0;
      const lap = (name: Phase) => {
        const now = process.hrtime.bigint();
        phases[name].push(Number(now - t) / 1e6);
        t = now;
      };
      const r = readInput(file);
      if ("failure" in r) throw new Error(`bench workbook unreadable: ${r.failure.code}`);
      lap("read");
      const g = readWorkbook(r.buffer, file, DEFAULT_LIMITS).grids;
      lap("parse");
      const a = analyzeGrids(g, withLibrary({ locale: "zh-CN" }));
      lap("analyze");
      const rep = buildReport([{ file, tables: a.tables, issues: a.issues, sheets: a.sheets }], "zh-CN");
      lap("report");
      const json = JSON.stringify(rep, null, 2) + "\n";
      lap("stringify");
      endToEnd.push(Number(process.hrtime.bigint() - t0) / 1e6);
      reportJsonBytes = Buffer.byteLength(json);
      reportError = rep.files[0].error;
    }
    sampler.stop();
    if (reportError) throw new Error(`bench workbook failed: ${reportError}`);
    const phaseMedian = Object.fromEntries(PHASES.map((k) => [k, round(median(phases[k]))])) as Record<Phase, number>;
    // Each run's check time over its paired ExcelJS load, then the median of those ratios.
    const ratios = endToEnd.map((e, k) => e / loadAlone[k]);
    const ratio = median(ratios);

    // 3. Real processes, what a user waits for: `node lib/jixiao.js check <file> --format json > /dev/null`
    //    against a node process that only loads the file with ExcelJS (alternating, median of
    //    --proc-runs each), with each process's peak RSS.
    const cliProc: number[] = [];
    const loadProc: number[] = [];
    const cliRss: number[] = [];
    const loadRss: number[] = [];
    const cliCpu: number[] = [];
    const loadCpu: number[] = [];
    let cliStatus: number | null = null;
    const cliJs = path.join(ROOT, "lib", "jixiao.js");
    for (let k = 0; k < opts.procRuns; k++) {
      const l = timeProcess(["-e", LOAD_ONLY_JS, file]);
      if (l.status !== 0) throw new Error(`load-only process failed (${l.status}): ${l.stderr}`);
      loadProc.push(l.ms);
      loadRss.push(l.rssMB);
      loadCpu.push(l.cpuMs);
      const c = timeProcess([cliJs, "check", file, "--format", "json"]);
      if (c.status !== 0 && c.status !== 1) throw new Error(`CLI process failed (${c.status}): ${c.stderr}`);
      cliStatus = c.status;
      cliProc.push(c.ms);
      cliRss.push(c.rssMB);
      cliCpu.push(c.cpuMs);
    }
    const procLoadMs = median(loadProc);
    const procCliMs = median(cliProc);
    const procRatio = median(cliProc.map((c, k) => c / loadProc[k]));
    const cpuRatio = median(cliCpu.map((c, k) => c / loadCpu[k]));

    const foundTables = analyze.last.tables.length;
    const foundIndicators = analyze.last.tables.reduce((n, t) => n + t.indicators.length, 0);
    const byRule: Record<string, number> = {};
    for (const i of analyze.last.issues) byRule[i.rule] = (byRule[i.rule] ?? 0) + 1;

    const analyzeMs = median(analyze.ms);
    const peakRssMB = process.resourceUsage().maxRSS / 1024;
    workbookCheckRssMB = median(cliRss);
    const ok = foundTables === opts.tables && foundIndicators === opts.tables * 10;

    if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${file}`);

    const sumOfMedians = PHASES.reduce((s, k) => s + phaseMedian[k], 0);
    const rows: Row[] = [
      { metric: "workbook", value: `${opts.tables} tables / ${opts.sheets} sheets`, unit: "" },
      { metric: "file size", value: round(size / 1024), unit: "KB" },
      { metric: "generate (ExcelJS write)", value: round(tGen.ms[0]), unit: "ms" },
      { metric: "tables / indicators found", value: `${foundTables} / ${foundIndicators}`, unit: "" },
      { metric: "issues found", value: analyze.last.issues.length, unit: "" },
      { metric: `processes (median of ${opts.procRuns}): ExcelJS load alone`, value: round(procLoadMs), unit: "ms" },
      { metric: `processes (median of ${opts.procRuns}): jixiao check --format json`, value: round(procCliMs), unit: "ms" },
      { metric: "processes: check / ExcelJS load (median of the paired ratios)", value: round(procRatio, 2), unit: "×", target: "≤ 0.35×" },
      { metric: "processes: CPU time, ExcelJS load alone (median; user + system)", value: round(median(loadCpu)), unit: "ms" },
      { metric: "processes: CPU time, jixiao check (median; all threads)", value: round(median(cliCpu)), unit: "ms" },
      { metric: "processes: CPU time, check / ExcelJS load (median of the paired ratios)", value: round(cpuRatio, 2), unit: "×" },
      { metric: `processes: peak RSS, ExcelJS load alone (median)`, value: round(median(loadRss)), unit: "MB" },
      { metric: `processes: peak RSS, jixiao check (median; all threads)`, value: round(median(cliRss)), unit: "MB", target: "below ExcelJS's" },
      { metric: `in process (median of ${runs}): ExcelJS load alone`, value: round(median(loadAlone)), unit: "ms" },
      { metric: `in process (median of ${runs}): CLI check end to end`, value: round(median(endToEnd)), unit: "ms" },
      ...PHASES.map((k) => ({ metric: `  phase: ${k}`, value: phaseMedian[k], unit: "ms" })),
      { metric: "  (sum of the phase medians)", value: round(sumOfMedians), unit: "ms" },
      { metric: "in process: check / ExcelJS load (median of the paired ratios)", value: round(ratio, 2), unit: "×" },
      { metric: "indicator library index (built-in, once per process)", value: round(tIndex.ms[0]), unit: "ms" },
      { metric: "in-memory validation, analyzeGrids, first call (cold)", value: round(cold.ms[0]), unit: "ms" },
      { metric: `in-memory validation, analyzeGrids (warm, median of ${memRuns})`, value: round(analyzeMs), unit: "ms", target: "< 200 ms" },
      { metric: `  fastest of the ${memRuns} (least disturbed by other jobs)`, value: round(Math.min(...analyze.ms)), unit: "ms" },
      { metric: `  process CPU time per run (median; all threads, GC included)`, value: round(median(analyze.cpu)), unit: "ms" },
      { metric: `  detection + parsing (median of ${memRuns})`, value: round(median(detect.ms)), unit: "ms" },
      { metric: `  rules (median of ${memRuns})`, value: round(median(rules.ms)), unit: "ms" },
      ...slowest.map(([id, ms]) => ({ metric: `    rule alone (fastest of 3): ${id}`, value: ms, unit: "ms" })),
      { metric: "peak RSS (this process, whole bench)", value: round(peakRssMB), unit: "MB" },
      { metric: "peak heap used (sampled during the in-process CLI runs)", value: round(sampler.peak / MB), unit: "MB" },
    ];
    const figures = {
      tables: opts.tables,
      sheets: opts.sheets,
      copiedTables: tGen.last.copies,
      fileKB: round(size / 1024),
      foundTables,
      foundIndicators,
      issues: analyze.last.issues.length,
      issuesByRule: byRule,
      generateMs: round(tGen.ms[0]),
      process: {
        runs: opts.procRuns,
        loadMs: loadProc.map((x) => round(x)),
        cliMs: cliProc.map((x) => round(x)),
        loadMedianMs: round(procLoadMs),
        cliMedianMs: round(procCliMs),
        cliExitCode: cliStatus,
        ratio: round(procRatio, 3),
        ratioTargetMet: procRatio <= 0.35,
        loadCpuMs: loadCpu.map((x) => round(x)),
        cliCpuMs: cliCpu.map((x) => round(x)),
        cpuRatio: round(cpuRatio, 3),
        loadRssMB: loadRss.map((x) => round(x)),
        cliRssMB: cliRss.map((x) => round(x)),
        rssTargetMet: median(cliRss) < median(loadRss),
      },
      inProcess: {
        runs,
        loadAloneMs: loadAlone.map((x) => round(x)),
        endToEndMs: endToEnd.map((x) => round(x)),
        phasesMs: Object.fromEntries(PHASES.map((k) => [k, phases[k].map((x) => round(x))])),
        phaseMedianMs: phaseMedian,
        endToEndMedianMs: round(median(endToEnd)),
        ratios: ratios.map((x) => round(x, 3)),
        ratioMedian: round(ratio, 3),
        reportJsonKB: round(reportJsonBytes / 1024),
      },
      libraryIndexMs: round(tIndex.ms[0]),
      analyzeColdMs: round(cold.ms[0]),
      analyzeMs: analyze.ms.map((x) => round(x)),
      analyzeMedianMs: round(analyzeMs),
      analyzeMinMs: round(Math.min(...analyze.ms)),
      analyzeCpuMs: analyze.cpu.map((x) => round(x)),
      detectMs: detect.ms.map((x) => round(x)),
      rulesMs: rules.ms.map((x) => round(x)),
      analyzeTargetMet: analyzeMs < 200,
      detectMedianMs: round(median(detect.ms)),
      rulesMedianMs: round(median(rules.ms)),
      perRuleMs: perRule,
      peakRssMB: round(peakRssMB),
      peakHeapMB: round(sampler.peak / MB),
    };
    return { rows, figures, ok };
  },
};

// ---------------------------------------------------------------------------------------------
// Section: folder (a generated folder of single-table workbooks, --jobs 1 against --jobs 2)

/** The check process's peak RSS on the 1,000-table workbook, when the workbook section ran first. */
let workbookCheckRssMB: number | null = null;

const folderSection: Section = {
  name: "folder",
  title: "CLI on a folder of single-table workbooks",
  async run(opts) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-folder-"));
    const folder = path.join(dir, "submissions");
    const t0 = process.hrtime.bigint();
    const files: string[] = [];
    for (let i = 0; i < opts.files; i++) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("绩效目标表");
      ws.columns = [10, 18, 24, 30, 4, 14, 20].map((width) => ({ width }));
      writeTable(ws, 1, i, null);
      const sub = path.join(folder, `batch-${String(Math.floor(i / 100)).padStart(2, "0")}`);
      fs.mkdirSync(sub, { recursive: true });
      const file = path.join(sub, `submission-${String(i).padStart(4, "0")}.xlsx`);
      fs.writeFileSync(file, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
      files.push(file);
    }
    const generateMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const folderKB = files.reduce((n, f) => n + fs.statSync(f).size, 0) / 1024;

    const cliJs = path.join(ROOT, "lib", "jixiao.js");
    const summaryFile = path.join(dir, "summary.json");
    const check = (target: string, jobs: number, summary: boolean) => {
      const r = timeProcess([cliJs, "check", target, "--format", "json", "--jobs", String(jobs), ...(summary ? ["--summary", summaryFile] : [])]);
      if (r.status !== 0 && r.status !== 1) throw new Error(`CLI process failed (${r.status}): ${r.stderr}`);
      return r;
    };
    // Every file read, one table each (checked once per --jobs setting through --summary).
    let ok = true;
    const verify = () => {
      const rows = JSON.parse(fs.readFileSync(summaryFile, "utf8")) as { status: string; tables: number }[];
      if (rows.length !== opts.files || rows.some((r) => r.status === "unreadable" || r.tables !== 1)) ok = false;
    };
    // A and B alternated: odd runs start with --jobs 2.
    const ms1: number[] = [];
    const ms2: number[] = [];
    const rss1: number[] = [];
    const rss2: number[] = [];
    const cpu1: number[] = [];
    const cpu2: number[] = [];
    for (let k = 0; k < opts.folderRuns; k++) {
      for (const jobs of k % 2 === 0 ? [1, 2] : [2, 1]) {
        const r = check(folder, jobs, k < 2);
        if (k < 2) verify();
        (jobs === 1 ? ms1 : ms2).push(r.ms);
        (jobs === 1 ? rss1 : rss2).push(r.rssMB);
        (jobs === 1 ? cpu1 : cpu2).push(r.cpuMs);
      }
    }
    // One file of the folder alone, for the memory comparison.
    const oneRss: number[] = [];
    const oneMs: number[] = [];
    for (let k = 0; k < opts.folderRuns; k++) {
      const r = check(files[0], 1, false);
      oneRss.push(r.rssMB);
      oneMs.push(r.ms);
    }
    if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${folder}`);

    const fps1 = opts.files / (median(ms1) / 1000);
    const fps2 = opts.files / (median(ms2) / 1000);
    const speedup = fps2 / fps1;
    // (c) against the same check path on one file of the folder (one worker): at --jobs 1 the same
    // single worker checks every file; at --jobs 2 a second worker (its own V8 heap) is added.
    const rssVsOne = median(rss2) / median(oneRss);
    const rss1VsOne = median(rss1) / median(oneRss);
    const rssVsWorkbook = workbookCheckRssMB === null ? null : median(rss2) / workbookCheckRssMB;
    const rows: Row[] = [
      { metric: "folder", value: `${opts.files} single-table workbooks in ${Math.ceil(opts.files / 100)} subfolders`, unit: "" },
      { metric: "folder size", value: round(folderKB), unit: "KB" },
      { metric: "generate (ExcelJS write)", value: round(generateMs), unit: "ms" },
      { metric: `processes (median of ${opts.folderRuns}): check --jobs 1`, value: round(median(ms1)), unit: "ms" },
      { metric: `processes (median of ${opts.folderRuns}): check --jobs 2`, value: round(median(ms2)), unit: "ms" },
      { metric: "files per second, --jobs 1", value: round(fps1), unit: "files/s" },
      { metric: "files per second, --jobs 2", value: round(fps2), unit: "files/s" },
      { metric: "--jobs 2 / --jobs 1 (files per second)", value: round(speedup, 2), unit: "×", target: "≥ 1.7×" },
      { metric: "CPU time, --jobs 1 (median; all threads: main, worker, V8's GC and compiler threads)", value: round(median(cpu1)), unit: "ms" },
      { metric: "CPU time, --jobs 2 (median; all threads)", value: round(median(cpu2)), unit: "ms" },
      { metric: "peak RSS, folder --jobs 1 (median; all threads)", value: round(median(rss1)), unit: "MB" },
      { metric: "peak RSS, folder --jobs 2 (median; all threads)", value: round(median(rss2)), unit: "MB" },
      { metric: "peak RSS, one file of the folder alone (median)", value: round(median(oneRss)), unit: "MB" },
      { metric: "peak RSS, folder --jobs 1 / one file of it (same path: one worker)", value: round(rss1VsOne, 2), unit: "×", target: "≤ 1.5×" },
      { metric: "peak RSS, folder --jobs 2 / one file of it (two workers against one)", value: round(rssVsOne, 2), unit: "×" },
      ...(rssVsWorkbook === null
        ? []
        : [{ metric: "peak RSS, folder --jobs 2 / the 1,000-table workbook (section workbook)", value: round(rssVsWorkbook, 2), unit: "×", target: "≤ 1.5×" }]),
    ];
    const figures = {
      files: opts.files,
      folderKB: round(folderKB),
      generateMs: round(generateMs),
      runs: opts.folderRuns,
      jobs1Ms: ms1.map((x) => round(x)),
      jobs2Ms: ms2.map((x) => round(x)),
      filesPerSecond: { jobs1: round(fps1), jobs2: round(fps2) },
      speedup: round(speedup, 3),
      speedupTargetMet: speedup >= 1.7,
      cpuMs: { jobs1: cpu1.map((x) => round(x)), jobs2: cpu2.map((x) => round(x)) },
      rssMB: { jobs1: rss1.map((x) => round(x)), jobs2: rss2.map((x) => round(x)), oneFile: oneRss.map((x) => round(x)) },
      oneFileMs: oneMs.map((x) => round(x)),
      rssVsOneFile: round(rssVsOne, 3),
      rssJobs1VsOneFile: round(rss1VsOne, 3),
      rssVsWorkbook: rssVsWorkbook === null ? null : round(rssVsWorkbook, 3),
      rssTargetMet: rss1VsOne <= 1.5,
    };
    return { rows, figures, ok };
  },
};

// ---------------------------------------------------------------------------------------------
// Section: bundle (the task pane's JavaScript in a production build)

/** dist/bundle-stats.json, written by the production build (webpack.config.js TaskPaneBundleStats). */
interface BundleChunk {
  name: string | null;
  files: string[];
  modules: number;
  libraryModules: number;
}
interface BundleStats {
  entry: string;
  initial: BundleChunk[];
  lazy: BundleChunk[];
}

const KB = 1024;
const INITIAL_TARGET_KB = 250;
const LIBRARY_TARGET_KB = 150;

/**
 * The task pane's JavaScript as Office loads it: a production build (the one the pane section's TTI
 * uses, built once per process into a temporary directory, or --dist DIR), its bundle-stats.json for
 * which files are initial (taskpane.html's scripts) and which are lazy (dynamic imports: tabs,
 * library), and every file's size measured here, gzipped with zlib level 9. The library's share of
 * the initial load is the size of the initial chunks holding its modules (webpack puts them in a
 * chunk of their own, taskpane-library.js); a chunk mixing library and other modules is counted
 * whole and flagged.
 */
const bundleSection: Section = {
  name: "bundle",
  title: "Task pane bundle (production build)",
  async run(opts) {
    const argv = process.argv.slice(2);
    const distArg = argv.includes("--dist") ? argv[argv.indexOf("--dist") + 1] : undefined;
    const build = await productionBuild(distArg);
    const statsFile = path.join(build.dir, "bundle-stats.json");
    if (!fs.existsSync(statsFile)) throw new Error(`${statsFile} is missing: build with the current webpack.config.js (production mode)`);
    const stats = JSON.parse(fs.readFileSync(statsFile, "utf8")) as BundleStats;
    const measure = (f: string) => {
      const b = fs.readFileSync(path.join(build.dir, f));
      return { file: f, raw: b.length, gz: zlib.gzipSync(b, { level: 9 }).length };
    };
    const sizes = (chunks: BundleChunk[]) =>
      chunks.map((c) => {
        const files = c.files.map(measure);
        return {
          name: c.name,
          files: c.files,
          raw: files.reduce((s, f) => s + f.raw, 0),
          gz: files.reduce((s, f) => s + f.gz, 0),
          library: c.libraryModules > 0 ? (c.libraryModules === c.modules ? "all" : "mixed") : "none",
          modules: c.modules,
        };
      });
    const initial = sizes(stats.initial);
    const lazy = sizes(stats.lazy).sort((a, b) => b.gz - a.gz);
    const sum = (xs: { gz: number }[]) => xs.reduce((s, x) => s + x.gz, 0);
    const initialGz = sum(initial);
    const libInitial = initial.filter((c) => c.library !== "none");
    const libInitialGz = sum(libInitial);
    const libraryExact = libInitial.every((c) => c.library === "all");
    const libLazyGz = sum(lazy.filter((c) => c.library !== "none"));
    const kb = (b: number) => round(b / KB);
    const label = (c: { name: string | null; files: string[]; library: string }) =>
      `${c.files.join(", ")}${c.name ? ` (${c.name})` : ""}${c.library === "all" ? " [library]" : c.library === "mixed" ? " [part library]" : ""}`;
    const rows: Row[] = [
      { metric: `production build`, value: build.built ? `${round(build.ms / 1000, 1)} s` : `given (${build.dir})`, unit: "" },
      { metric: "initial JS of the task pane, gzipped (taskpane.html's scripts)", value: kb(initialGz), unit: "KB", target: `< ${INITIAL_TARGET_KB} KB` },
      ...initial.map((c) => ({ metric: `  initial: ${label(c)}`, value: `${kb(c.gz)} KB gz / ${kb(c.raw)} KB raw`, unit: "" })),
      {
        metric: `indicator library's share of the initial JS, gzipped${libraryExact ? "" : " (a chunk mixes library and other modules: counted whole)"}`,
        value: kb(libInitialGz),
        unit: "KB",
        target: `< ${LIBRARY_TARGET_KB} KB`,
      },
      { metric: `lazy chunks (${lazy.length}), gzipped, loaded on demand`, value: kb(sum(lazy)), unit: "KB" },
      ...lazy.map((c) => ({ metric: `  lazy: ${label(c)}`, value: `${kb(c.gz)} KB gz / ${kb(c.raw)} KB raw`, unit: "" })),
      { metric: "  of which the indicator library's chunks (data, search, pinyin)", value: kb(libLazyGz), unit: "KB" },
    ];
    const figures = {
      dir: build.built ? null : build.dir,
      buildMs: round(build.ms),
      gzipLevel: 9,
      initialGzKB: kb(initialGz),
      initialRawKB: kb(initial.reduce((s, c) => s + c.raw, 0)),
      initialTargetKB: INITIAL_TARGET_KB,
      initialTargetMet: initialGz < INITIAL_TARGET_KB * KB,
      initial: initial.map((c) => ({ files: c.files, name: c.name, gzKB: kb(c.gz), rawKB: kb(c.raw), library: c.library })),
      libraryInitialGzKB: kb(libInitialGz),
      libraryShareExact: libraryExact,
      libraryTargetKB: LIBRARY_TARGET_KB,
      libraryTargetMet: libInitialGz < LIBRARY_TARGET_KB * KB,
      lazy: lazy.map((c) => ({ files: c.files, name: c.name, gzKB: kb(c.gz), rawKB: kb(c.raw), library: c.library })),
      lazyGzKB: kb(sum(lazy)),
      libraryLazyGzKB: kb(libLazyGz),
    };
    // The pane section (TTI) reuses this build and removes it; without it, remove it here.
    const paneRuns = !opts.sections || opts.sections.includes("pane");
    if (!paneRuns && !opts.keep) await cleanupProductionBuild();
    return { rows, figures, ok: initial.length > 0 };
  },
};

/**
 * Detection scales linearly: detectTables on one sheet of 100 and of 1,000 stacked seed tables (an
 * in-memory CellGrid, no ExcelJS), fastest of --mem-runs runs each, as time per table. Equal per-table
 * times mean linear; an O(rows²) scan would make the 1,000-table sheet ~10× slower per table.
 * (test/core/layout.scale.test.ts checks that all 1,000 are found; the time is measured only here.)
 */
const scaleSection: Section = {
  name: "scale",
  title: "Table detection on one sheet of stacked tables",
  async run(opts) {
    const rows: Row[] = [];
    const perTable: Record<string, number> = {};
    let ok = true;
    for (const n of [100, 1000]) {
      const grid = stackedSeedGrid(n);
      const t = await timeRuns(opts.memRuns, () => detectTables(grid));
      ok &&= t.last.length === n;
      const best = Math.min(...t.ms);
      perTable[n] = best / n;
      rows.push({ metric: `${n} tables: detectTables (fastest of ${opts.memRuns})`, value: round(best), unit: "ms" });
      rows.push({ metric: `${n} tables: per table`, value: round(best / n, 3), unit: "ms" });
    }
    const ratio = perTable[1000] / perTable[100];
    rows.push({ metric: "per-table time, 1,000 vs 100 tables (1 = linear, ~10 = quadratic)", value: round(ratio, 2), unit: "×", target: "≈ 1" });
    return { rows, figures: { detectPerTableMs100: round(perTable[100], 4), detectPerTableMs1000: round(perTable[1000], 4), detectScaleRatio: round(ratio, 2) }, ok };
  },
};

// ---------------------------------------------------------------------------------------------
// Section: reader (the .xlsx read path against the alternatives, in process)

/**
 * The generated workbook read into grids by each candidate, in this process: the checker's own
 * SpreadsheetML reader (src/cli/read/ooxml.ts, what `check` uses for .xlsx), SheetJS's package
 * parser with bookToGrids (what it used before), saxes (a conforming SAX parser: tokenising the
 * shared strings and worksheets only, no grid: the floor of any reader built on it), and ExcelJS's
 * load. The zip code is warmed first; each candidate's first call (its code cold, as in a fresh
 * check worker) and the median of --runs warm calls, alternated.
 */
const readerSection: Section = {
  name: "reader",
  title: "The .xlsx read path against the alternatives (in process)",
  async run(opts) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-reader-"));
    const file = path.join(dir, `bench-${opts.tables}.xlsx`);
    await generateWorkbook(file, opts.tables, opts.sheets);
    const buf = fs.readFileSync(file);
    const parts = readZipParts(buf, DEFAULT_LIMITS); // warms the zip code for every candidate
    const xmlParts = [...parts].filter(([n]) => /^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/.test(n)).map(([, d]) => d);
    const cells = (gs: CellGrid[]) => gs.reduce((n, g) => n + g.rowCount * g.colCount, 0);
    const candidates: [string, () => Promise<number>][] = [
      ["the checker's .xlsx reader (ooxml.ts) → grids", async () => cells(readWorkbook(buf, file, DEFAULT_LIMITS).grids)],
      ["SheetJS parse_zip → grids (the reader before)", async () => cells(bookToGrids(sheetJsBook(buf, DEFAULT_LIMITS)))],
      [
        "saxes, events only (no grid)",
        async () => {
          let n = 0;
          for (const d of [...readZipParts(buf, DEFAULT_LIMITS)].filter(([k]) => /^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/.test(k)).map(([, v]) => v)) {
            const p = new SaxesParser();
            p.on("opentag", () => void n++);
            p.write(d.toString("utf8")).close();
          }
          return n;
        },
      ],
      [
        "ExcelJS load",
        async () => {
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(buf as unknown as ArrayBuffer);
          return wb.worksheets.length;
        },
      ],
    ];
    const first: number[] = [];
    const warm: number[][] = candidates.map(() => []);
    for (const [, fn] of candidates) first.push((await timeRuns(1, fn)).ms[0]);
    for (let k = 0; k < opts.runs; k++) {
      const order = k % 2 ? [...candidates.keys()].reverse() : [...candidates.keys()];
      for (const i of order) warm[i].push((await timeRuns(1, candidates[i][1])).ms[0]);
    }
    if (!opts.keep) fs.rmSync(dir, { recursive: true, force: true });
    const exceljs = median(warm[3]);
    const xmlMB = xmlParts.reduce((n, d) => n + d.length, 0) / MB;
    const rows: Row[] = [
      { metric: "workbook", value: `${opts.tables} tables, ${round(buf.length / 1024)} KB; shared strings + worksheets ${round(xmlMB, 2)} MB of XML`, unit: "" },
    ];
    candidates.forEach(([name], i) => {
      rows.push({ metric: `${name}: first call`, value: round(first[i]), unit: "ms" });
      rows.push({ metric: `${name}: warm (median of ${opts.runs})`, value: round(median(warm[i])), unit: "ms" });
      if (i < 3) rows.push({ metric: `${name}: warm, against the ExcelJS load`, value: round(median(warm[i]) / exceljs, 3), unit: "×" });
    });
    const figures = { tables: opts.tables, fileKB: round(buf.length / 1024), xmlMB: round(xmlMB, 2), firstMs: Object.fromEntries(candidates.map(([n], i) => [n, round(first[i])])), warmMs: Object.fromEntries(candidates.map(([n], i) => [n, warm[i].map((x) => round(x))])) };
    return { rows, figures, ok: true };
  },
};

// The bundle section runs before the pane section so that both use one production build.
const SECTIONS: Section[] = [workbookSection, folderSection, readerSection, scaleSection, bundleSection];
// The pane and the library (scripts/bench-pane.ts, options there: --pane-edits, --tti-runs, --dist, --no-browser …), last.
SECTIONS.push(paneSection, librarySection);

// ---------------------------------------------------------------------------------------------

function loadavg(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ");
}

function printTable(title: string, rows: Row[]): void {
  const w = Math.max(...rows.map((r) => r.metric.length));
  const v = Math.max(...rows.map((r) => String(r.value).length + (r.unit ? r.unit.length + 1 : 0)));
  console.log(`\n## ${title}`);
  for (const r of rows) {
    const val = `${r.value}${r.unit ? " " + r.unit : ""}`;
    console.log(`  ${r.metric.padEnd(w)}  ${val.padStart(v)}${r.target ? `   (target ${r.target})` : ""}`);
  }
}

async function mainBench(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const env = {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "?",
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === "function",
  };
  console.log(`jixiao bench — node ${env.node}, ${env.cpus} × ${env.cpuModel}${env.gcExposed ? "" : " (run with --expose-gc for steadier figures)"}`);
  console.log(`load average at start (1/5/15 min): ${loadavg()}`);
  const out: Record<string, unknown> = { env: { ...env, loadavgStart: os.loadavg().map((x) => round(x, 2)) } };
  let allOk = true;
  for (const s of SECTIONS) {
    if (opts.sections && !opts.sections.includes(s.name)) continue;
    const { rows, figures, ok } = await s.run(opts);
    printTable(s.title, rows);
    if (!ok) {
      allOk = false;
      console.log(`  WARNING: section ${s.name} did not read the generated tables completely; its figures are not comparable`);
    }
    out[s.name] = figures;
  }
  console.log(`\nload average at end (1/5/15 min): ${loadavg()}`);
  (out.env as Record<string, unknown>).loadavgEnd = os.loadavg().map((x) => round(x, 2));
  console.log(`\nBENCH ${JSON.stringify(out)}`);
  if (!allOk) process.exitCode = 1;
}

mainBench().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
