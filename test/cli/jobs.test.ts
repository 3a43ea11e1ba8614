/**
 * `jixiao check --jobs N`: the worker pool (a stand-in worker that hangs, crashes or answers late,
 * to exercise the pool alone) and the built CLI (same report at --jobs 1 and 2, --summary, --out on
 * an .xls input writing an annotated .xlsx).
 */
import { spawnSync, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runPool, type CheckTask } from "../../src/cli/pool";
import { DEFAULT_LIMITS } from "../../src/cli/read/limits";
import type { Report } from "../../src/cli/report";

const ROOT = path.resolve(__dirname, "../..");
const GEN = path.join(ROOT, "test/fixtures/generated");
const CLI = path.join(ROOT, "lib/jixiao.js");
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-jobs-"));
  if (!fs.existsSync(path.join(GEN, "seed.xls")) || !fs.existsSync(path.join(ROOT, "lib/jixiao-worker.js"))) {
    execFileSync("node", ["scripts/build-cli.mjs", "--quiet"], { cwd: ROOT });
    execFileSync("node", ["lib/make-fixtures.js", "--quiet"], { cwd: ROOT });
  }
}, 60000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// A stand-in worker that, like worker.ts, checks the files it is sent one after another: "hang"
// spins forever, "crash" throws, "exit" exits, "answers-then-fails" answers and then throws, others answer after a delay that makes later files
// finish first.
const STAND_IN = `
const { parentPort } = require("node:worker_threads");
const queue = [];
let busy = false;
const run = () => {
  if (busy || queue.length === 0) return;
  busy = true;
  const task = queue.shift();
  const f = task.entry.file;
  if (f.includes("answers-then-fails"))
    return void setTimeout(() => {
      parentPort.postMessage({ index: task.index, file: { file: f, tables: [], issues: [] } });
      throw new Error("boom after " + f);
    }, 5);
  if (f.includes("hang")) for (;;) {}
  if (f.includes("crash")) throw new Error("boom in " + f);
  if (f.includes("exit")) process.exit(3);
  setTimeout(() => {
    parentPort.postMessage({ index: task.index, file: { file: f, tables: [], issues: [] } });
    busy = false;
    run();
  }, 50 - task.index * 5);
};
parentPort.on("message", (task) => {
  queue.push(task);
  run();
});`;

function tasks(names: string[]): CheckTask[] {
  return names.map((file, index) => ({ index, entry: { file, rel: file, fromFolder: false }, config: {}, limits: DEFAULT_LIMITS, out: null }));
}

describe("worker pool", () => {
  const workerFile = () => {
    const p = path.join(tmp, "stand-in.js");
    if (!fs.existsSync(p)) fs.writeFileSync(p, STAND_IN);
    return p;
  };
  const failedFile = (t: CheckTask, f: { code: string }) => ({ file: t.entry.file, error: f.code, errorCode: f.code, tables: [], issues: [] });

  test("answers come back in task order whatever finishes first; a hang times out, a crash and an exit are reported; the rest go on", async () => {
    const names = ["a", "b-hang", "c", "d-crash", "e", "f-exit", "g", "h", "i"];
    const seen: number[] = [];
    const done = await runPool(tasks(names), { jobs: 2, timeoutMs: 1500, workerFile: workerFile(), failedFile, onDone: (n) => seen.push(n) });
    expect(done.map((d) => d.file.file)).toEqual(names);
    expect(done.map((d) => d.file.errorCode ?? "ok")).toEqual(["ok", "timeout", "ok", "crashed", "ok", "crashed", "ok", "ok", "ok"]);
    expect(seen).toEqual(names.map((_, i) => i + 1));
  }, 30000);

  test("a file sent ahead to a worker that then hangs, crashes or exits is checked by the next worker", async () => {
    const names = ["a-hang", "b", "c-crash", "d", "e-exit", "f"];
    const done = await runPool(tasks(names), { jobs: 1, timeoutMs: 1000, workerFile: workerFile(), failedFile });
    expect(done.map((d) => d.file.file)).toEqual(names);
    expect(done.map((d) => d.file.errorCode ?? "ok")).toEqual(["timeout", "ok", "crashed", "ok", "crashed", "ok"]);
  }, 30000);

  test("a worker that answers and then crashes: the answer counts, the crash goes to the next file it was sent", async () => {
    // The worker's "error" event can come before its last answer (seen about one run in seven), so
    // the case is repeated.
    const names = Array.from({ length: 20 }, (_, k) => [`${k}a-answers-then-fails`, `${k}b`, `${k}c`]).flat();
    const done = await runPool(tasks(names), { jobs: 1, timeoutMs: 0, workerFile: workerFile(), failedFile });
    expect(done.map((d) => `${d.file.file}:${d.file.errorCode ?? "ok"}`)).toEqual(names.map((n) => `${n}:${n.endsWith("b") ? "crashed" : "ok"}`));
  }, 30000);

  test("more jobs than files, and no files", async () => {
    expect((await runPool(tasks(["x"]), { jobs: 8, timeoutMs: 0, workerFile: workerFile(), failedFile })).map((d) => d.file.file)).toEqual(["x"]);
    expect(await runPool([], { jobs: 2, timeoutMs: 0, workerFile: workerFile(), failedFile })).toEqual([]);
  });
});

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync("node", [CLI, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26, env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("jixiao check --jobs", () => {
  test("a folder of every format: the same report, byte for byte, at --jobs 1 and --jobs 2, in path order", () => {
    const one = cli(["check", GEN, "--format", "json", "--jobs", "1"]);
    const two = cli(["check", GEN, "--format", "json", "--jobs", "2"]);
    expect(one.code).toBe(0); // the seed has warnings and infos but no error under the severity policy
    expect(two.stdout).toBe(one.stdout);
    const files = (JSON.parse(one.stdout) as Report).files.map((f) => path.basename(f.file));
    expect(files).toEqual([...files].sort());
    expect(files).toEqual(expect.arrayContaining(["seed.xls", "seed.et", "seed.ods", "seed.csv", "seed-gbk.csv", "seed.xlsx"]));
    expect(cli(["check", GEN, "--jobs", "2"]).stdout).toBe(cli(["check", GEN, "--jobs", "1"]).stdout);
    expect(one.stderr).toBe(""); // stderr is not a terminal here: no progress
  }, 60000);

  test("--summary writes one row per file (CSV with a BOM, or JSON)", () => {
    const csv = path.join(tmp, "out", "summary.csv");
    const r = cli(["check", "test/fixtures/generated/seed.xlsx", path.join(tmp, "missing.xls"), "--summary", csv]);
    expect(r.code).toBe(2);
    const text = fs.readFileSync(csv, "utf8");
    expect(text.startsWith("\uFEFFfile,status,tables,errors,warnings,infos,reason\r\n")).toBe(true);
    const rows = text.slice(1).trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^test\/fixtures\/generated\/seed\.xlsx,ok,3,0,\d+,\d+,$/);
    expect(rows[1]).toMatch(/missing\.xls,unreadable,0,0,0,0,文件或文件夹不存在$/);
  });

  test.each([
    [["--jobs", "0"], "--jobs"],
    [["--timeout", "x"], "--timeout"],
    [["--summary", "out.txt"], "--summary"],
    [["--max-size", "-1"], "--max-size"],
  ])("usage error %j", (opts, name) => {
    const r = cli(["check", path.join(GEN, "seed.xlsx"), ...opts]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(name);
  });

  test("--out on an .xls input writes an annotated .xlsx and says so", async () => {
    const out = path.join(tmp, "copies");
    const r = cli(["check", path.join(GEN, "seed.xls"), path.join(GEN, "seed.csv"), "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("原文件为 .xls，副本保存为 .xlsx 格式");
    expect(r.stderr).toContain("原文件为 .csv，副本保存为 .xlsx 格式");
    // Both copies are named seed.xlsx: the second gets a number.
    expect(fs.readdirSync(out).sort()).toEqual(["seed-2.xlsx", "seed.xlsx"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "seed.xlsx"));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["项目绩效目标表"]);
    const noted = wb.worksheets.flatMap((ws) => {
      const cells: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => void (c.note ? cells.push(c.address) : undefined)));
      return cells;
    });
    expect(noted.length).toBeGreaterThan(5);
  }, 30000);
});
