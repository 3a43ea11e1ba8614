/** `jixiao suggest --for <file.xlsx> --table N`: the pane's context-first list, printed for one table. */
import * as path from "node:path";
import { suggestCommand } from "../../src/cli/commands/suggest";
import type { Io } from "../../src/cli/io";
import { isGovernmentUrl } from "../../src/core/library/schema";

const SEED = path.join(__dirname, "../fixtures/generated/seed.xlsx");

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), color: false };
  const code = await suggestCommand(argv, io);
  return { code, stdout, stderr };
}

interface Body {
  table: number;
  projectName: string;
  type: { type: string; hits: string[]; reason: string } | null;
  groups: { reason: { code: string; category?: string }; heading: string; type: string | null; entries: { name: string; level2: string; source: { level: string; label: string; url: string | null } }[] }[];
}

describe("suggest --for", () => {
  test("seed table 1 (会场搭建): the first group is 会议/活动 quantity indicators with the reason (text)", async () => {
    const r = await run(["--for", SEED, "--table", "1"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toContain("会场搭建");
    expect(lines[1]).toMatch(/^项目类型：会议\/活动（.*会场.*）$/);
    const firstHeading = lines.findIndex((l) => l.startsWith("本表缺少"));
    expect(lines[firstHeading]).toBe("本表缺少数量指标（产出）：现有的“资金拨付到位率”是过程指标，适合会议/活动项目的指标：");
    const firstGroup = lines.slice(firstHeading + 1, lines.indexOf("", firstHeading));
    expect(firstGroup.join("\n")).toMatch(/与会人数/);
    expect(firstGroup.join("\n")).toMatch(/活动举办场次/);
    // Every entry says its source in words; no address except a government one.
    expect(firstGroup.filter((l) => l.includes("来源：")).length).toBe(5);
    for (const m of r.stdout.matchAll(/https?:\/\/\S+/g)) expect(isGovernmentUrl(m[0])).toBe(true);
  });

  test("JSON: same list, type with its reason, sources with level; --limit per group", async () => {
    const r = await run(["--for", SEED, "--table", "1", "--format", "json", "--limit", "3"]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as Body;
    expect(body.table).toBe(1);
    expect(body.type?.type).toBe("会议/活动");
    expect(body.type?.hits).toContain("会场");
    expect(body.groups[0].reason).toMatchObject({ code: "processOnly", category: "数量指标" });
    expect(body.groups[0].heading.startsWith("本表缺少数量指标（产出）")).toBe(true);
    expect(body.groups[0].type).toBe("会议/活动");
    expect(body.groups.every((g) => g.entries.length <= 3)).toBe(true);
    for (const g of body.groups)
      for (const e of g.entries) if (e.source.url !== null) expect([e.source.level, isGovernmentUrl(e.source.url)]).toEqual(["official", true]);
    // Table 3 (基础设施建设) gets its own type.
    const r3 = JSON.parse((await run(["--for", SEED, "--table", "3", "--format", "json"])).stdout) as Body;
    expect(r3.type?.type).toBe("基础设施建设");
  });

  test("bad use: --table out of range, --table without --for, text with --for, unreadable file", async () => {
    let r = await run(["--for", SEED, "--table", "9"]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining("--table 应为 1 到 3")]);
    r = await run(["--table", "1"]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining("--for")]);
    r = await run(["培训", "--for", SEED]);
    expect(r.code).toBe(2);
    r = await run(["--for", path.join(__dirname, "no-such-file.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
  });
});
