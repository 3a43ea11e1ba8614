/**
 * Builders for ProjectTable models in rule tests: write only what the case is about.
 *   makeTable({ budget: 200000, indicators: [ind("产出指标", "数量指标", "培训人数", "≥100人")] })
 * Indicator rows get cells on consecutive rows starting at row 12 (sheet row 13):
 * level1 A, level2 B, name C, description D, value F, basis G.
 */
import { parseValue } from "../../src/core/value/parse";
import { canonicalLevel1, canonicalLevel2, inferForm } from "../../src/core/forms/categories";
import {
  ProjectTableSchema,
  type IndicatorRow,
  type ProjectTable,
  type Form,
  type MoneyUnit,
} from "../../src/core/model/schema";

export interface IndSpec {
  level1?: string | null;
  level2?: string | null;
  name?: string | null;
  description?: string | null;
  value?: string | null;
  basis?: string | null;
}

/** Shorthand: ind(level1, level2, name, value, description?, basis?). */
export function ind(
  level1: string | null,
  level2: string | null,
  name: string | null,
  value: string | null,
  description: string | null = "说明",
  basis: string | null = "计划标准",
): IndSpec {
  return { level1, level2, name, value, description, basis };
}

export interface TableSpec {
  sheet?: string;
  projectCode?: string | null;
  projectName?: string | null;
  moneyUnit?: MoneyUnit | null;
  budget?: number | null;
  fiscal?: number | null;
  other?: number | null;
  /** Percent numbers, null for blank; `plan: null` for a table without a plan. */
  plan?: [number | null, number | null, number | null, number | null] | null;
  crossYear?: boolean;
  goal?: string | null;
  form?: Form;
  indicators?: IndSpec[];
  /** First sheet row (0-based) of the indicator rows. */
  firstRow?: number;
}

export const GOOD_INDICATORS: IndSpec[] = [
  ind("产出指标", "数量指标", "培训人次", "≥200人次", "全年举办培训的参训人次"),
  ind("产出指标", "质量指标", "培训考核合格率", "≥90%", "考核合格人数占参训人数的比例"),
  ind("产出指标", "时效指标", "培训完成时间", "2022年10月31日前", "全部培训班次结束的时间"),
  ind("产出指标", "成本指标", "人均培训成本", "≤500元/人", "培训总支出除以参训人次", "预算支出标准"),
  ind("效益指标", "社会效益指标", "参训人员业务能力提升率", "≥80%", "考核成绩较培训前提高的人数占比"),
  ind("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "参训人员问卷调查中满意及以上的比例"),
];

export function makeTable(spec: TableSpec = {}): ProjectTable {
  const firstRow = spec.firstRow ?? 12;
  const specs = spec.indicators ?? GOOD_INDICATORS;
  let last1: string | null = null;
  let last2: string | null = null;
  const indicators: IndicatorRow[] = specs.map((s, i) => {
    const r = firstRow + i;
    const a = (col: string) => `${col}${r + 1}`;
    const l1raw = s.level1 === undefined ? last1 : s.level1;
    const l2raw = s.level2 === undefined ? last2 : s.level2;
    last1 = l1raw;
    last2 = l2raw;
    const value = parseValue(s.value ?? "");
    return {
      row: r,
      level1: { raw: l1raw, canonical: canonicalLevel1(l1raw), cell: a("A"), carried: s.level1 === undefined },
      level2: { raw: l2raw, canonical: canonicalLevel2(l2raw), cell: a("B"), carried: s.level2 === undefined },
      name: { value: s.name ?? null, cell: a("C") },
      description: { value: s.description ?? null, cell: a("D") },
      value: { ...value, cell: a("F") },
      basis: { value: s.basis ?? null, cell: a("G") },
      opCell: null,
      unitCell: null,
      weight: null,
      direction: null,
    };
  });
  const inferred = inferForm(
    indicators.map((x) => x.level1.canonical),
    indicators.map((x) => x.level2.canonical),
  );
  const budget = spec.budget === undefined ? 200000 : spec.budget;
  const fiscal = spec.fiscal === undefined ? budget : spec.fiscal;
  const other = spec.other === undefined ? null : spec.other;
  const plan = spec.plan === undefined ? [25, 50, 80, 100] : spec.plan;
  const goal = spec.goal === undefined ? "1.全年举办业务培训4期，培训200人次。\n2.参训人员考核合格率达到90%以上。" : spec.goal;
  const pf = (v: number | null, cell: string) => ({ value: v, raw: v === null ? null : `${v}%`, cell });
  const lastRow = firstRow + specs.length;
  return ProjectTableSchema.parse({
    sheet: spec.sheet ?? "Sheet1",
    range: `A2:G${lastRow}`,
    title: { value: "测试项目资金绩效目标表", cell: "A1" },
    unitName: { value: "303001测试单位本级", cell: "A2" },
    projectCode: { value: spec.projectCode === undefined ? "13102622P00237611645J" : spec.projectCode, cell: "B3" },
    projectName: { value: spec.projectName === undefined ? "2022年业务培训项目" : spec.projectName, cell: "E3" },
    moneyUnit: spec.moneyUnit === undefined ? "元" : spec.moneyUnit,
    moneyUnitCell: "G2",
    budget: {
      total: { value: budget, raw: budget === null ? null : String(budget), cell: "C4" },
      fiscal: { value: fiscal, raw: fiscal === null ? null : String(fiscal), cell: "E4" },
      other: { value: other, raw: other === null ? null : String(other), cell: "G4" },
    },
    purpose: { value: "业务培训经费", cell: "B5" },
    plan: plan === null ? null : { m3: pf(plan[0], "B7"), m6: pf(plan[1], "D7"), m10: pf(plan[2], "E7"), m12: pf(plan[3], "F7") },
    crossYear: spec.crossYear ?? false,
    goal: { value: goal, cell: "B8" },
    goals: (goal ?? "")
      .split(/\r?\n/)
      .map((t) => t.trim())
      .filter(Boolean)
      .map((text) => ({ text, cell: "B8" })),
    form: spec.form ?? inferred.form,
    formReason: spec.form ? "given" : inferred.reason,
    indicatorHeader: {
      row: firstRow - 1,
      columns: [
        { col: 0, role: "level1", label: "一级指标" },
        { col: 1, role: "level2", label: "二级指标" },
        { col: 2, role: "name", label: "三级指标" },
        { col: 3, role: "description", label: "绩效指标描述" },
        { col: 5, role: "value", label: "指标值" },
        { col: 6, role: "basis", label: "指标值确定依据" },
      ],
    },
    indicators,
  });
}

/** The table as a form without a 二级 column prints it: no 二级 header, no 二级 cells. */
export function withoutLevel2Column(t: ProjectTable): ProjectTable {
  return {
    ...t,
    indicatorHeader: { ...t.indicatorHeader, columns: t.indicatorHeader.columns.filter((c) => c.role !== "level2") },
    indicators: t.indicators.map((r) => ({ ...r, level2: { raw: null, canonical: null, cell: null, carried: false } })),
  };
}
