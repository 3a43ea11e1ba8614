/**
 * The CLI passes the indicator library to the nonstandard-wording rule (it reports nothing without
 * one): the built-in library, or with `check --library file` a custom library merged over it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { withLibrary } from "../../src/cli/check";
import type { Report } from "../../src/cli/report";
import { BUILTIN_ENTRIES } from "../../src/core/library/builtin";
import { builtinSearchIndex } from "../../src/core/library/builtin-index";
import { mergeLibraries, parseLibraryRows } from "../../src/core/library/import";
import { createSearchIndex, type SearchIndex } from "../../src/core/library/search";
import { ALL_RULES } from "../../src/core/rules/registry";
import type { RunConfig } from "../../src/core/rules/engine";

const builtin = builtinSearchIndex();

test.each<[string, RunConfig, unknown]>([
  ["every rule", {}, builtin],
  ["--year kept next to it", { options: { year: 2022 } }, builtin],
  ["--rules with it", { only: ["nonstandard-wording", "unit-wording"] }, builtin],
  ["--rules without it: not built", { only: ["unit-wording"] }, undefined],
  ["switched off", { severity: { "nonstandard-wording": "off" } }, undefined],
  ["a rule list without it", { rules: ALL_RULES.filter((r) => r.meta.id !== "nonstandard-wording") }, undefined],
])("%s", (_, config, index) => {
  const out = withLibrary(config);
  expect(out.options?.libraryIndex).toBe(index);
  expect(out.options?.year).toBe(config.options?.year);
  expect(out.only).toBe(config.only);
});

test("a library given by the caller is kept", () => {
  const custom = createSearchIndex(builtin.entries.slice(0, 10));
  expect(withLibrary({ options: { libraryIndex: custom } }).options?.libraryIndex).toBe(custom);
});

test("entries (check --library): the index is built over them, once per run; not when the rule does not run", () => {
  const custom = parseLibraryRows([["二级指标", "三级指标", "计量单位"], ["数量指标", "巡河次数", "次"]]).entries;
  const entries = mergeLibraries(BUILTIN_ENTRIES, custom);
  const index = withLibrary({ options: { year: 2022 } }, entries).options?.libraryIndex as SearchIndex;
  expect(index.kind).toBe("library-index");
  expect(index.entries).toBe(entries);
  expect(withLibrary({ only: ["unit-wording"] }, entries).options?.libraryIndex).toBeUndefined();
});

describe("jixiao check --library (the built CLI)", () => {
  const ROOT = path.resolve(__dirname, "../..");
  const CLI = path.join(ROOT, "lib/jixiao.js");
  const SEED = path.join(ROOT, "test/fixtures/generated/seed.xlsx");
  let dir: string;

  beforeAll(() => {
    // `npm test` builds lib/ and the fixtures first; a bare `npx jest` run builds them here.
    const newest = (d: string): number =>
      Math.max(0, ...fs.readdirSync(d, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(path.join(d, e.name)) : fs.statSync(path.join(d, e.name)).mtimeMs)));
    if (!fs.existsSync(CLI) || fs.statSync(CLI).mtimeMs < newest(path.join(ROOT, "src"))) execFileSync("node", ["scripts/build-cli.mjs", "--quiet"], { cwd: ROOT });
    if (!fs.existsSync(SEED)) execFileSync("node", ["lib/make-fixtures.js", "--quiet"], { cwd: ROOT });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-library-"));
  }, 60000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[]) => spawnSync("node", [CLI, "check", SEED, "--format", "json", ...args], { cwd: ROOT, encoding: "utf8" });
  const wording = (stdout: string) =>
    (JSON.parse(stdout) as Report).files.flatMap((f) => f.issues.filter((i) => i.rule === "nonstandard-wording").map((i) => `${i.sheet}!${i.cell} ${i.message}`));

  test("a custom entry named as written turns a finding into an exact match (no finding)", () => {
    const plain = run([]);
    const before = wording(plain.stdout);
    // The seed's bare 满意度, an alias of a standard satisfaction wording.
    const bare = before.filter((w) => w.includes(" “满意度”"));
    expect(bare.length).toBeGreaterThan(0);
    expect(before.length).toBeGreaterThan(bare.length);

    const csv = path.join(dir, "bureau.csv");
    fs.writeFileSync(csv, "一级指标,二级指标,三级指标,指标解释,计量单位\n满意度指标,服务对象满意度指标,满意度,服务对象的总体满意程度,%\n");
    const custom = run(["--library", csv]);
    expect(custom.status).toBe(plain.status);
    expect(custom.stderr).toContain("导入 1 条");
    expect(wording(custom.stdout)).toEqual(before.filter((w) => !bare.includes(w)));
  });

  test("a library that cannot be read: exit 2 with the reason, nothing checked", () => {
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, "名称,备注\n满意度,无\n");
    const r = run(["--library", bad]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("无法导入自定义指标库");
  });
});
