/**
 * The pane controller's 支出计划: preview (values, money, series, checks, cells) and writing a plan
 * into the seed's layouts through the in-memory Excel and the real OfficeWorkbook adapter — only the
 * four plan cells change, each keeps its kind and number format, the plan rules go quiet, and the
 * pane's undo restores the sheet exactly.
 */
import { PLAN_KEYS } from "../../src/core/model/schema";
import { computePlan, percentOfBudget, profileFromParams, type PlanParams, type PlanValues } from "../../src/core/plan";
import { buildLayoutsWorkbook, buildSeedTypedWorkbook, LAYOUT_SHEETS } from "../../src/sample/workbooks";
import type { PaneController } from "../../src/taskpane/controller";
import { defaultPlanForm, planParamsFromForm, type PlanForm } from "../../src/taskpane/plan-controller";
import { workbookFromExcelJS } from "../../src/workbench/convert";
import type { MemoryExcel, WorkbookSnapshot } from "../../src/workbench/memory-excel";
import { SHEET, rig } from "./helpers";

const EVEN: PlanParams = { profile: "even", start: 1, end: 12 };

/** Cells whose snapshot (value, formula, number format, fill, font) differs, as "sheet!A1"; merges too. */
function diffSheets(a: WorkbookSnapshot, b: WorkbookSnapshot): string[] {
  const out: string[] = [];
  const names = new Set([...a.sheets, ...b.sheets].map((s) => s.name));
  for (const name of names) {
    const sa = a.sheets.find((s) => s.name === name);
    const sb = b.sheets.find((s) => s.name === name);
    if (!sa || !sb) {
      out.push(`${name}!<sheet>`);
      continue;
    }
    if (JSON.stringify(sa.merges ?? []) !== JSON.stringify(sb.merges ?? [])) out.push(`${name}!<merges>`);
    for (const cell of new Set([...Object.keys(sa.cells), ...Object.keys(sb.cells)]))
      if (JSON.stringify(sa.cells[cell] ?? {}) !== JSON.stringify(sb.cells[cell] ?? {})) out.push(`${name}!${cell}`);
  }
  return out.sort();
}

const sheetsOf = (mem: MemoryExcel): WorkbookSnapshot => ({ version: 1, sheets: mem.toSnapshot().sheets });

function tableIndex(ctl: PaneController, match: (name: string) => boolean): number {
  const i = ctl.getState().tables.findIndex((tb) => match(tb.projectName ?? ""));
  expect(i).toBeGreaterThanOrEqual(0);
  return i;
}

const planIssues = (ctl: PaneController, table: number) =>
  ctl.getState().issues.filter((i) => i.table === table && i.rule.startsWith("plan-")).map((i) => `${i.rule}@${i.cell}`);

/** A rig with marks switched off, so that a sheet snapshot shows the add-in's value writes only. */
async function quietRig(snap?: WorkbookSnapshot) {
  const r = await rig(snap);
  await r.ctl.setHighlight(false);
  await r.settle();
  return r;
}

function planOf(params: PlanParams, crossYear = false): PlanValues {
  return computePlan(profileFromParams(params), { crossYear }).values;
}

describe("previewPlan on the seed's 基础设施 project (3,000,000 元)", () => {
  test("even 1–12: 25/50/83/100 with money from 预算数, the 12-point series, no plan issue, the four cells", async () => {
    const { ctl } = await rig();
    const i = tableIndex(ctl, (n) => n.includes("基础设施"));
    const id = ctl.getState().tables[i].id;
    const p = ctl.previewPlan(id, { params: EVEN, crossYear: false })!;
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.result.values).toEqual({ m3: 25, m6: 50, m10: 83, m12: 100 });
    expect(p.unit).toBe("元");
    expect(p.budget).toBe(3_000_000);
    for (const k of PLAN_KEYS) expect(p.result.money!.values[k]).toBe(percentOfBudget(p.result.values[k], 3_000_000, "元", 0));
    expect(p.result.money!.values.m12).toBe(3_000_000);
    expect(p.result.series).toHaveLength(12);
    expect(p.result.series[11]).toBe(100);
    expect(p.issues).toEqual([]);
    // what the table says now (seed: 3月底 blank, 50%, 90%, 100%)
    expect(p.current).toEqual({ m3: null, m6: 50, m10: 90, m12: 100 });
    expect(p.cells!.map((c) => [c.key, c.cell, c.kind, c.overwrite])).toEqual([
      ["m3", "B49", "text", false],
      ["m6", "D49", "text", true],
      ["m10", "E49", "text", true],
      ["m12", "F49", "text", true],
    ]);
    expect(p.writeError).toBeNull();
  });

  test.each<[string, PlanParams]>([
    ["front", { profile: "front", start: 1, end: 12 }],
    ["back", { profile: "back", start: 3, end: 11 }],
    ["once", { profile: "once", month: 7 }],
    ["milestones", { profile: "milestones", milestones: "2024-03:30,2024-09:60,2024-12:10" }],
    ["monthly", { profile: "monthly", monthly: "0,0,10,10,10,10,10,10,10,10,10,10" }],
  ])("%s: the same values as the core computes", async (_, params) => {
    const { ctl } = await rig();
    const id = ctl.getState().tables[tableIndex(ctl, (n) => n.includes("基础设施"))].id;
    const p = ctl.previewPlan(id, { params, crossYear: false })!;
    expect(p.ok && p.result.values).toEqual(planOf(params));
  });

  test("a bad parameter and a cross-year schedule without 跨年 are errors; with 跨年 the plan ends below 100", async () => {
    const { ctl } = await rig();
    const id = ctl.getState().tables[2].id;
    const bad = ctl.previewPlan(id, { params: { profile: "even", start: 9, end: 3 }, crossYear: false })!;
    expect(!bad.ok && bad.error.key).toBe("startAfterEnd");
    const notAllowed = ctl.previewPlan(id, { params: { profile: "even", start: 7, end: 18 }, crossYear: false })!;
    expect(!notAllowed.ok && notAllowed.error.key).toBe("crossYearNotAllowed");
    const cross = ctl.previewPlan(id, { params: { profile: "even", start: 7, end: 18 }, crossYear: true })!;
    expect(cross.ok && cross.result.values.m12).toBe(50);
    expect(cross.ok && cross.issues.filter((i) => i.rule === "plan-not-100")).toEqual([]);
  });

  test("the 序时进度 floor for recurring projects is reported as info", async () => {
    const { ctl } = await rig();
    const id = ctl.getState().tables[2].id;
    const p = ctl.previewPlan(id, { params: { profile: "back", start: 1, end: 12 }, crossYear: false, recurring: true })!;
    expect(p.ok && p.issues.map((i) => [i.rule, i.severity, i.cell])).toEqual([["plan-progress-floor", "info", "D49"]]);
  });
});

describe("writePlan", () => {
  test("seed 项目3, even 1–12: asks first (cells not empty), then writes only the plan cells in ONE applyEdits; plan rules go quiet; undo restores the snapshot exactly", async () => {
    const { ctl, mem, port, settle } = await quietRig();
    const i = tableIndex(ctl, (n) => n.includes("基础设施"));
    const id = ctl.getState().tables[i].id;
    expect(planIssues(ctl, i)).toEqual(["plan-blank@B49"]);
    const before = sheetsOf(mem);
    const values = planOf(EVEN);

    port.applies = 0;
    const ask = await ctl.writePlan(id, values);
    expect(ask.status).toBe("confirm");
    expect(port.applies).toBe(0);
    expect(diffSheets(before, sheetsOf(mem))).toEqual([]);
    if (ask.status !== "confirm") return;

    const done = await ctl.writePlan(id, values, ask.cells);
    await settle();
    expect(done.status).toBe("written");
    expect(port.applies).toBe(1);
    // D49 "50%" and F49 "100%" already say so: only the 3月底 and 10月底 cells change
    expect(diffSheets(before, sheetsOf(mem))).toEqual([`${SHEET}!B49`, `${SHEET}!E49`]);
    expect(["B49", "D49", "E49", "F49"].map((c) => mem.user.value(SHEET, c))).toEqual(["25%", "50%", "83%", "100%"]);
    for (const c of ["B49", "D49", "E49", "F49"]) expect(mem.user.numberFormat(SHEET, c)).toBe(before.sheets[0].cells[c]?.nf ?? "General");
    expect(planIssues(ctl, i)).toEqual([]);
    expect(ctl.getState().undo?.key).toBe("planWritten");
    expect(ctl.tableModel(id)!.plan!.m10.value).toBe(83);

    expect(await ctl.undo()).toBe(true);
    await settle();
    expect(sheetsOf(mem)).toEqual(before);
    expect(planIssues(ctl, i)).toEqual(["plan-blank@B49"]);
  });

  test("a blank plan is written without asking; writing the same plan again changes nothing", async () => {
    const { ctl, mem, port, settle } = await quietRig();
    for (const c of ["D49", "E49", "F49"]) mem.user.clear(SHEET, c);
    await settle();
    const i = tableIndex(ctl, (n) => n.includes("基础设施"));
    const id = ctl.getState().tables[i].id;
    const before = sheetsOf(mem);
    const values = planOf({ profile: "front", start: 1, end: 12 });
    port.applies = 0;
    const out = await ctl.writePlan(id, values);
    await settle();
    expect(out.status).toBe("written");
    expect(port.applies).toBe(1);
    expect(diffSheets(before, sheetsOf(mem))).toEqual(["B49", "D49", "E49", "F49"].map((c) => `${SHEET}!${c}`));
    expect(["B49", "D49", "E49", "F49"].map((c) => mem.user.value(SHEET, c))).toEqual(PLAN_KEYS.map((k) => `${values[k]}%`));
    expect(planIssues(ctl, i)).toEqual([]);

    const again = await ctl.writePlan(id, values);
    expect(again.status).toBe("unchanged");
    expect(port.applies).toBe(1);
    expect(ctl.getState().notices.some((n) => n.key === "planUnchanged")).toBe(true);
  });

  test("a cell typed into after the confirmation: asks again and writes nothing", async () => {
    const { ctl, mem, port, settle } = await quietRig();
    const id = ctl.getState().tables[tableIndex(ctl, (n) => n.includes("基础设施"))].id;
    const values = planOf(EVEN);
    const ask = await ctl.writePlan(id, values);
    expect(ask.status).toBe("confirm");
    mem.user.setCellValue(SHEET, "E49", "88%"); // Excel turns it into 0.88 shown as 88%
    await settle();
    port.applies = 0;
    const again = await ctl.writePlan(id, values, ask.status === "confirm" ? ask.cells : []);
    expect(again.status).toBe("confirm");
    expect(port.applies).toBe(0);
    expect(again.status === "confirm" && again.cells.find((c) => c.key === "m10")?.before).toBe(0.88);
    expect(ctl.getState().notices.some((n) => n.key === "planStale")).toBe(true);
    expect(mem.user.value(SHEET, "E49")).toBe(0.88);
  });
});

describe("the seed-typed layout (fractions with the format 0%)", () => {
  const typed = () => workbookFromExcelJS(buildSeedTypedWorkbook()).snapshot;

  test.each([
    ["项目1", "会场搭建"],
    ["项目3", "基础设施"],
  ])("%s: fractions are written, percent formats kept (a blank cell adopts them); undo restores", async (sheet, name) => {
    const { ctl, mem, settle } = await quietRig(typed());
    const i = tableIndex(ctl, (n) => n.includes(name));
    const tb = ctl.getState().tables[i];
    expect(tb.sheet).toBe(sheet);
    const values = planOf(EVEN);
    const before = sheetsOf(mem);
    const cells = ["B7", "D7", "E7", "F7"];
    const formats = cells.map((c) => mem.user.numberFormat(sheet, c));
    const ask = await ctl.writePlan(tb.id, values);
    expect(ask.status).toBe("confirm");
    const done = await ctl.writePlan(tb.id, values, ask.status === "confirm" ? ask.cells : []);
    await settle();
    expect(done.status).toBe("written");
    const changed = diffSheets(before, sheetsOf(mem));
    expect(changed.length).toBeGreaterThan(0);
    for (const c of changed) expect(cells.map((x) => `${sheet}!${x}`)).toContain(c);
    // percent-formatted cells keep their format; a blank unformatted cell among them adopts it
    expect(cells.map((c) => mem.user.numberFormat(sheet, c))).toEqual(formats.map((f) => (f.includes("%") ? f : "0%")));
    cells.forEach((c, k) => {
      const v = mem.user.value(sheet, c);
      const key = PLAN_KEYS[k];
      expect(v).toBeCloseTo(values[key] / 100, 10);
    });
    expect(planIssues(ctl, i)).toEqual([]);
    await ctl.undo();
    await settle();
    expect(sheetsOf(mem)).toEqual(before);
  });
});

describe("the odd layouts (layouts.xlsx without its 10,000-row sheet)", () => {
  const layouts = (): WorkbookSnapshot => {
    const snap = workbookFromExcelJS(buildLayoutsWorkbook()).snapshot;
    return { ...snap, sheets: snap.sheets.filter((s) => s.name !== LAYOUT_SHEETS.junk) };
  };

  test("every table with a plan: write even 1–12, only its plan cells change, plan rules quiet, undo restores; a table without a plan cannot be written", async () => {
    const { ctl, mem, settle } = await quietRig(layouts());
    const tables = ctl.getState().tables;
    expect(tables.length).toBeGreaterThanOrEqual(5);
    let written = 0;
    let refused = 0;
    for (let i = 0; i < tables.length; i++) {
      const tb = ctl.getState().tables[i];
      const model = ctl.tableModel(tb.id)!;
      const values = planOf(EVEN);
      const preview = ctl.previewPlan(tb.id, { params: EVEN, crossYear: false })!;
      expect(preview.ok).toBe(true);
      if (!preview.ok) continue;
      if (!model.plan) {
        expect(preview.cells).toBeNull();
        expect(preview.writeError?.key).toBe("noPlan");
        const out = await ctl.writePlan(tb.id, values);
        expect(out.status === "failed" && out.error?.key).toBe("noPlan");
        refused++;
        continue;
      }
      const cells = PLAN_KEYS.map((k) => `${tb.sheet}!${model.plan![k].cell}`);
      const before = sheetsOf(mem);
      let out = await ctl.writePlan(tb.id, values);
      if (out.status === "confirm") out = await ctl.writePlan(tb.id, values, out.cells);
      await settle();
      expect(out.status).toBe("written");
      const changed = diffSheets(before, sheetsOf(mem));
      for (const c of changed) expect(cells).toContain(c);
      expect(planIssues(ctl, i)).toEqual([]);
      expect(ctl.tableModel(tb.id)!.plan).toMatchObject({ m3: { value: 25 }, m6: { value: 50 }, m10: { value: 83 }, m12: { value: 100 } });
      await ctl.undo();
      await settle();
      expect(sheetsOf(mem)).toEqual(before);
      written++;
    }
    expect(written).toBeGreaterThanOrEqual(3);
    expect(refused).toBeGreaterThanOrEqual(1);
  });
});

describe("the form → parameters", () => {
  const form = (patch: Partial<PlanForm>): PlanForm => ({ ...defaultPlanForm(), ...patch });
  test.each<[string, Partial<PlanForm>, PlanParams]>([
    ["even", { profile: "even", start: "2", end: "11" }, { profile: "even", start: "2", end: "11" }],
    ["once", { profile: "once", month: "6" }, { profile: "once", month: "6" }],
    [
      "monthly: blanks are 0",
      { profile: "monthly", monthly: ["1", "", "2", "", "", "", "", "", "", "", "", "3"] },
      { profile: "monthly", monthly: "1,0,2,0,0,0,0,0,0,0,0,3" },
    ],
    [
      "milestones: shares, empty rows dropped, a typed % tolerated",
      { profile: "milestones", milestones: [{ date: "2024-03", value: "30" }, { date: "", value: "" }, { date: "2024-09", value: "70%" }] },
      { profile: "milestones", milestones: "2024-03:30,2024-09:70", year: "" },
    ],
    [
      "milestones: amounts in 万元 with a budget year",
      { profile: "milestones", milestoneMode: "万元", year: "2024", milestones: [{ date: "3", value: "90" }, { date: "2025-01", value: "210万" }] },
      { profile: "milestones", milestones: "3:90万元,2025-01:210万元", year: "2024" },
    ],
  ])("%s", (_, patch, params) => {
    expect(planParamsFromForm(form(patch))).toEqual(params);
    expect(() => profileFromParams(planParamsFromForm(form(patch)))).not.toThrow();
  });
});
