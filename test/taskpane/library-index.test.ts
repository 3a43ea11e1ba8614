/** @jest-environment jsdom */
/**
 * The indicator library of the rules in the pane: loaded lazily after the first detection
 * (ControllerOptions.loadLibraryIndex), then the cached tables are checked again without reading the
 * workbook; setLibraryIndex takes another index (a merged custom library) the same way.
 */
import { analyzeGrids } from "../../src/core/analyze";
import { BUILTIN_ENTRIES } from "../../src/core/library/builtin";
import { builtinSearchIndex } from "../../src/core/library/builtin-index";
import { mergeLibraries, parseLibraryRows } from "../../src/core/library/import";
import { createSearchIndex } from "../../src/core/library/search";
import { MARK_COLORS } from "../../src/core/model/severity";
import { loadBuiltinLibrary } from "../../src/taskpane/index";
import { stackedSeedGrid } from "../fixtures/seed-grid";
import { SHEET, rig } from "./helpers";

const RULE = "nonstandard-wording";
type Ctl = Awaited<ReturnType<typeof rig>>["ctl"];
const wording = (ctl: Ctl) =>
  ctl
    .getState()
    .issues.filter((i) => i.rule === RULE)
    .map((i) => `${i.cell} ${i.messageId} ${i.data.suggestion}`);

/** What the engine finds on the same workbook with the built-in library (node, no pane). */
function expectedWording(): string[] {
  const { issues } = analyzeGrids([stackedSeedGrid(3, SHEET)], { options: { libraryIndex: builtinSearchIndex() } });
  return issues.filter((i) => i.rule === RULE).map((i) => `${i.cell} ${i.messageId} ${i.data.suggestion}`);
}

test("without a library the rule is silent; the state says so", async () => {
  const { ctl } = await rig();
  expect(wording(ctl)).toEqual([]);
  expect(ctl.getState().library).toBeUndefined();
});

test("loadLibraryIndex: loaded once after detection, the tables checked again without a read, marks follow", async () => {
  let calls = 0;
  let release!: (v: unknown) => void;
  const gate = new Promise((r) => (release = r));
  const { ctl, port, mem, settle } = await rig(
    undefined,
    {
      loadLibraryIndex: () => {
        calls++;
        return gate;
      },
    },
    14,
    false,
  );
  await ctl.start();
  await mem.flush();
  expect(calls).toBe(1);
  expect(ctl.getState().phase).toBe("ready");
  expect(ctl.getState().library).toBe("loading");
  expect(wording(ctl)).toEqual([]);
  const reads = port.reads.length;
  const before = ctl.getState().issues.filter((i) => i.rule !== RULE);
  release(builtinSearchIndex());
  await settle();
  expect(ctl.getState().library).toBe("ready");
  expect(wording(ctl)).toEqual(expectedWording());
  expect(wording(ctl).length).toBeGreaterThan(5);
  // nothing read again; the other issues are the same
  expect(port.reads.length).toBe(reads);
  expect(ctl.getState().issues.filter((i) => i.rule !== RULE)).toEqual(before);
  // the new info issues are marked (a cell without a more severe issue gets the info colour)
  const issues = ctl.getState().issues;
  const infoOnly = issues.find((i) => i.rule === RULE && !issues.some((j) => j.cell === i.cell && j.severity !== "info"))!;
  expect(mem.user.fill(SHEET, infoOnly.cell!)).toBe(MARK_COLORS.info);
  // a new detection checks with the library too, and does not load it again
  await ctl.detect();
  await settle();
  expect(wording(ctl)).toEqual(expectedWording());
  expect(calls).toBe(1);
});

test("the pane's loader (a dynamic import of the built-in index) works", async () => {
  const index = await loadBuiltinLibrary();
  expect(index).toBe(builtinSearchIndex());
});

test("a library that fails to load: a warning notice, the rule stays silent, the pane keeps working", async () => {
  const { ctl } = await rig(undefined, { loadLibraryIndex: () => Promise.reject(new Error("chunk failed")) });
  expect(ctl.getState().library).toBe("failed");
  expect(ctl.getState().notices.map((n) => n.text?.zh ?? "")).toEqual([expect.stringContaining("chunk failed")]);
  expect(wording(ctl)).toEqual([]);
  expect(ctl.getState().issues.length).toBeGreaterThan(20);
});

test("setLibraryIndex with a merged custom library: its variants are reported", async () => {
  const { ctl, settle } = await rig();
  // 持续影响作用率 (C18 and C39, the event tables) becomes a known variant of a custom entry.
  const custom = parseLibraryRows([
    ["一级指标", "二级指标", "三级指标", "指标解释", "计量单位", "别名"],
    ["效益指标", "可持续影响指标", "招商环境持续改善年限", "项目带来的招商环境改善可持续的年限", "年", "持续影响作用率"],
  ]).entries;
  expect(custom).toHaveLength(1);
  await ctl.setLibraryIndex(createSearchIndex(mergeLibraries(BUILTIN_ENTRIES, custom)));
  await settle();
  expect(ctl.getState().library).toBe("ready");
  const hits = ctl
    .getState()
    .issues.filter((i) => i.rule === RULE && (i.cell === "C18" || i.cell === "C39"))
    .map((i) => `${i.cell} ${i.messageId} ${i.data.suggestion}`);
  expect(hits).toEqual(["C18 alias 招商环境持续改善年限", "C39 alias 招商环境持续改善年限"]);
});

describe("the workbook's custom library feeds the rule", () => {
  const withBuiltin = { loadLibraryIndex: () => Promise.resolve(builtinSearchIndex()) };
  /** The seed's bare 满意度 (an alias of a standard satisfaction wording), by cell. */
  const bare = (ctl: Ctl) =>
    ctl
      .getState()
      .issues.filter((i) => i.rule === RULE && i.data.name === "满意度")
      .map((i) => i.cell!);
  const HEADER = ["一级指标", "二级指标", "三级指标", "指标解释", "计量单位"];

  test("a custom entry named as written turns the finding into an exact match; saved, reopened, cleared", async () => {
    const { ctl, mem, port, settle } = await rig(undefined, withBuiltin);
    expect(ctl.getState().library).toBe("ready");
    const cells = bare(ctl);
    expect(cells.length).toBeGreaterThan(0);
    const others = wording(ctl).filter((w) => !cells.some((c) => w.startsWith(`${c} `)));
    expect(others.length).toBeGreaterThan(0);
    for (const c of cells) if (!ctl.getState().issues.some((i) => i.cell === c && i.rule !== RULE)) expect(mem.user.fill(SHEET, c)).toBe(MARK_COLORS.info);
    const reads = port.reads.length;

    const out = await ctl.importLibrary([HEADER, ["满意度指标", "服务对象满意度指标", "满意度", "服务对象的总体满意程度", "%"]]);
    await settle();
    expect(out.status).toBe("imported");
    expect(bare(ctl)).toEqual([]);
    // the rest is as before; nothing was read again; the cells lost their mark
    expect(wording(ctl)).toEqual(others);
    expect(port.reads.length).toBe(reads);
    for (const c of cells) if (!ctl.getState().issues.some((i) => i.cell === c)) expect(mem.user.fill(SHEET, c)).toBeNull();

    // the library is saved with the workbook: reopened, it is merged in again
    const again = await rig(mem.reopen().toSnapshot(), withBuiltin);
    expect(again.ctl.customLibrary().map((e) => e.name)).toEqual(["满意度"]);
    expect(bare(again.ctl)).toEqual([]);
    expect(wording(again.ctl)).toEqual(others);

    // cleared: the finding is back
    expect(await ctl.clearCustomLibrary()).toBe(true);
    await settle();
    expect(bare(ctl)).toEqual(cells);
  });

  test("a custom entry's variant is suggested, with the entry's replacement", async () => {
    const { ctl, settle } = await rig(undefined, withBuiltin);
    expect(wording(ctl).filter((w) => w.startsWith("C18 ") || w.startsWith("C39 "))).toEqual([]);
    await ctl.importLibrary([
      [...HEADER, "别名"],
      ["效益指标", "可持续影响指标", "招商环境持续改善年限", "项目带来的招商环境改善可持续的年限", "年", "持续影响作用率"],
    ]);
    await settle();
    const hits = ctl.getState().issues.filter((i) => i.rule === RULE && (i.cell === "C18" || i.cell === "C39"));
    expect(hits.map((i) => `${i.cell} ${i.messageId} ${i.data.suggestion}`)).toEqual(["C18 alias 招商环境持续改善年限", "C39 alias 招商环境持续改善年限"]);
    expect(hits[0].suggestions?.[0].edits).toContainEqual(expect.objectContaining({ cell: "C18", value: "招商环境持续改善年限" }));
  });

  test("a custom library imported before the built-in one is loaded is merged in when it arrives", async () => {
    let release!: (v: unknown) => void;
    const gate = new Promise((r) => (release = r));
    const { ctl, settle } = await rig(undefined, { loadLibraryIndex: () => gate }, 14, false);
    await ctl.start();
    await ctl.importLibrary([HEADER, ["满意度指标", "服务对象满意度指标", "满意度", "服务对象的总体满意程度", "%"]]);
    release(builtinSearchIndex());
    await settle();
    expect(ctl.getState().library).toBe("ready");
    expect(bare(ctl)).toEqual([]);
    expect(wording(ctl).length).toBeGreaterThan(0);
  });
});
