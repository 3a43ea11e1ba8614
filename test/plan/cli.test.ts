/** The built CLI (`node lib/jixiao.js plan …`) as a child process: the JSON contract, text, exit codes. */
import { execFileSync, spawnSync } from "node:child_process";
import * as path from "node:path";
import { ROOT } from "./helpers";
import { planCommand } from "../../src/cli/commands/plan";
import { SUBCOMMANDS } from "../../src/cli/commands";

const CLI = path.join(ROOT, "lib/jixiao.js");
// Each test spawns node (about 1 s on a loaded 2-core machine).
jest.setTimeout(30000);

beforeAll(() => {
  execFileSync("node", ["scripts/build-cli.mjs", "--quiet"], { cwd: ROOT });
}, 60000);

function run(args: string[]) {
  const r = spawnSync("node", [CLI, "plan", ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[]): Record<string, unknown> {
  const r = run([...args, "--format", "json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe("jixiao plan --format json", () => {
  test("even over 1–12: the contract fields first, no money without --budget", () => {
    const out = json(["--profile", "even"]);
    expect(Object.keys(out).slice(0, 4)).toEqual(["m3", "m6", "m10", "m12"]);
    expect([out.m3, out.m6, out.m10, out.m12]).toEqual([25, 50, 83, 100]);
    expect(out).not.toHaveProperty("money");
  });

  test("with --budget the money follows the four values", () => {
    const out = json(["--profile", "even", "--start", "1", "--end", "12", "--budget", "3000000"]);
    expect(Object.keys(out).slice(0, 5)).toEqual(["m3", "m6", "m10", "m12", "money"]);
    expect(out.money).toEqual({ m3: 750000, m6: 1500000, m10: 2490000, m12: 3000000 });
    expect(out.moneyUnit).toBe("元");
  });

  test.each<[string, string[], number[], number[] | null]>([
    ["front", ["--profile", "front"], [42, 73, 96, 100], null],
    ["back, one decimal", ["--profile", "back", "--decimals", "1"], [7.7, 26.9, 70.5, 100], null],
    ["milestones", ["--profile", "milestones", "--milestones", "2024-03:30,2024-09:60,2024-12:10", "--budget", "3000000"], [30, 30, 90, 100], [900000, 900000, 2700000, 3000000]],
    ["monthly in 万元", ["--profile", "monthly", "--monthly", "0,0,10,10,10,10,10,10,10,10,10,10", "--budget", "300", "--unit", "万元"], [10, 40, 80, 100], [30, 120, 240, 300]],
    ["once", ["--profile", "once", "--month", "6"], [0, 100, 100, 100], null],
    ["budget written with its unit", ["--profile", "once", "--month", "12", "--budget", "300万"], [0, 0, 0, 100], [0, 0, 0, 300]],
    ["cross-year", ["--profile", "even", "--start", "7", "--end", "18", "--cross-year"], [0, 0, 33, 50], null],
  ])("%s", (_n, args, values, money) => {
    const out = json(args);
    expect([out.m3, out.m6, out.m10, out.m12]).toEqual(values);
    if (money) expect(Object.values(out.money as object)).toEqual(money);
  });

  test("checks are reported (the 序时进度 floor as info)", () => {
    const out = json(["--profile", "back", "--recurring"]);
    expect(out.issues).toEqual([expect.objectContaining({ rule: "plan-progress-floor", severity: "info", key: "m6" })]);
    expect(json(["--profile", "even", "--floor-m6", "50"]).issues).toEqual([]);
  });
});

describe("jixiao plan text output", () => {
  test("a readable Chinese table", () => {
    const r = run(["--profile", "even", "--budget", "3000000"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("资金支出计划（均匀支出：1月至12月）");
    expect(lines[1]).toBe("预算数：3,000,000.00 元");
    expect(lines[2]).toMatch(/^时点\s+累计支出比例\s+按进度\s+累计金额（元）$/);
    expect(lines[5]).toMatch(/^10月底\s+83%\s+83\.33%\s+2,490,000\.00$/);
    expect(r.stdout).toContain("检查：未发现问题");
  });

  test("English with --lang en", () => {
    const r = run(["--profile", "once", "--month", "3", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Spending plan (single payment: paid in month 3)");
    expect(r.stdout).toContain("end of March");
  });

  test("--help", () => {
    const r = run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--profile even|front|back|milestones|monthly|once");
  });
});

describe("bad parameters exit 2 with a clear message", () => {
  test.each<[string[], string, string]>([
    [[], "请用 --profile 指定支出方式", "Choose a profile with --profile"],
    [["--profile", "linear"], "未知的支出方式“linear”", "Unknown profile \"linear\""],
    [["--profile", "even", "--start", "13"], "开始月份应为1至12之间的整数", "The start month must be"],
    [["--profile", "even", "--start", "9", "--end", "3"], "开始月份（9）不能晚于结束月份（3）", "cannot be after the end month"],
    [["--profile", "even", "--end", "18"], "如属跨年（结转）项目请加 --cross-year", "add --cross-year"],
    [["--profile", "milestones", "--milestones", "2024-03:30,2024-09:60"], "比例合计为90%", "add up to 90%"],
    [["--profile", "milestones", "--milestones", "2024-03;30"], "无法识别", "Cannot read the milestone"],
    [["--profile", "monthly", "--monthly", "1,2,3"], "需要12个数", "need 12 numbers"],
    [["--profile", "once"], "付款月份", "needs its month"],
    [["--profile", "even", "--budget", "-5"], "预算数应为大于0的金额", "The budget must be"],
    [["--profile", "even", "--unit", "美元"], "金额单位只能是", "The money unit must be"],
    [["--profile", "even", "--decimals", "2"], "小数位只能是0或1", "Decimals must be 0 or 1"],
    [["--profile", "even", "--format", "xml"], "--format 只能是 text 或 json", "--format must be"],
    [["--profile", "even", "--bogus"], "未知选项：--bogus", "--bogus"],
    [["--profile", "even", "--start"], "选项 --start 需要一个值", "--start"],
    [["--profile", "even", "extra"], "plan 命令不接受参数“extra”", "takes no argument"],
    [["--profile", "even", "--floor-m6", "150"], "序时进度下限", "time-progress floor"],
  ])("%j (in process)", async (args, zh, en) => {
    const a = await inProcess(args);
    expect(a.code).toBe(2);
    expect(a.stdout).toBe("");
    expect(a.stderr).toContain(zh);
    const b = await inProcess([...args, "--lang", "en"]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(en);
    expect(b.stderr).not.toMatch(/[\u4e00-\u9fff]{4}/);
  });

  test.each<[string[], string]>([
    [["--profile", "linear"], "未知的支出方式“linear”"],
    [["--profile", "even", "--end", "18"], "--cross-year"],
    [["--profile", "milestones", "--milestones", "2024-03:30,2024-09:60", "--lang", "en"], "The milestone shares add up to 90%"],
  ])("child process: %j", (args, text) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(text);
  });

  test("registered as a subcommand (loaded when it runs)", async () => {
    const io = { stdout: () => {}, stderr: () => {}, color: false };
    expect(await SUBCOMMANDS.plan(["--help"], io)).toBe(await planCommand(["--help"], io));
  });
});

async function inProcess(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await planCommand(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), color: false });
  return { code, stdout, stderr };
}
