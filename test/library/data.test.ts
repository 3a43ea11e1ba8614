/** The built-in library: schema, counts, coverage of both forms and the project types, honesty, pinyin. */
import { ANTI_PATTERNS, BUILTIN_ENTRIES } from "../../src/core/library/builtin";
import {
  LibraryEntrySchema,
  belongsEither,
  deriveValueForm,
  entryKeys,
  identityKey,
  libraryUnit,
  makeEntryId,
  isGovernmentUrl,
  provenanceOf,
  provenanceView,
  PROVENANCE_KINDS,
  REPOSTED_PREFIX,
} from "../../src/core/library/schema";
import * as fs from "node:fs";
import * as path from "node:path";
import { GENERAL_TYPE, PROJECT_TYPES } from "../../src/core/library/project-types";
import { pinyinOf } from "../../src/core/library/pinyin";
import { FORMS } from "../../src/core/forms/categories";
import { processKind } from "../../src/core/rules/process-indicator";
import { normText } from "../../src/core/rules/utils/text";
import { parseValue } from "../../src/core/value/parse";
import { isWeakQualitative } from "../../src/core/value/grades";

const entries = BUILTIN_ENTRIES;

test("at least 600 entries, every one valid against the schema", () => {
  expect(entries.length).toBeGreaterThanOrEqual(600);
  for (const e of entries) expect(LibraryEntrySchema.safeParse(e).success).toBe(true);
});

test("ids are unique and derived from name + 二级 + first type in the b: namespace", () => {
  expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  for (const e of entries) expect(e.id).toBe(makeEntryId("b", e));
});

test("every 一级/二级 category of both forms has entries, and every entry's category belongs to a form", () => {
  for (const form of ["88", "101"] as const)
    for (const [l1, l2s] of Object.entries(FORMS[form]))
      for (const l2 of l2s) {
        const n = entries.filter((e) => e.level1 === l1 && e.level2 === l2).length;
        expect([form, l1, l2, n >= 10]).toEqual([form, l1, l2, true]);
      }
  for (const e of entries) expect(belongsEither(e.level1, e.level2)).toBe(true);
});

test("at least 15 project types besides 通用, each with at least 20 entries, all known types", () => {
  const known = new Set(PROJECT_TYPES.map((t) => t.id));
  const count = new Map<string, number>();
  for (const e of entries)
    for (const t of e.types) {
      expect(known.has(t)).toBe(true);
      count.set(t, (count.get(t) ?? 0) + 1);
    }
  const specific = [...count].filter(([t, n]) => t !== GENERAL_TYPE && n >= 20);
  expect(specific.length).toBeGreaterThanOrEqual(15);
  for (const t of ["基础设施建设", "会议/活动", "设备购置/租赁", "培训", "补贴/救助发放", "信息化建设", "招商引资", "安全生产监管", "环保/污染治理", "党务政务/办公运转", "科技/人才", "规划建设", "财政管理", "农业农村", "教育", "卫生健康"])
    expect([t, (count.get(t) ?? 0) >= 20]).toEqual([t, true]);
});

test("no two entries with the same name + 二级 + type; no standard name used as another entry's alias", () => {
  const seen = new Set<string>();
  for (const e of entries)
    for (const t of e.types) {
      const k = `${identityKey(e)}|${t}`;
      expect(seen.has(k)).toBe(false);
      seen.add(k);
    }
  const standard = new Map<string, string>();
  for (const e of entries) {
    const { keys, standard: n } = entryKeys(e);
    for (const k of keys.slice(0, n)) standard.set(k, e.id);
  }
  for (const e of entries) {
    const { keys, standard: n } = entryKeys(e);
    for (const k of keys.slice(n)) expect([e.name, k, standard.get(k) ?? e.id]).toEqual([e.name, k, e.id]);
  }
});

test("definitions say more than the name; typical values are present and fit the unit", () => {
  for (const e of entries) {
    expect(e.definition.length).toBeGreaterThan(0);
    expect(normText(e.definition)).not.toBe(normText(e.name));
    expect(e.typical.length).toBeGreaterThan(0);
    expect(e.valueForm).toEqual(deriveValueForm(e.typical, e.unit, e.valueForm.range));
    const v = parseValue(e.typical);
    // A typical value parses, or is a template with X, or lists grades.
    // A typical value parses (and is not a weak word such as 长期), or is a template with X.
    const ok = (v.kind === "quantitative" || (v.kind === "qualitative" && !isWeakQualitative(v))) || /X/.test(e.typical);
    expect([e.name, e.typical, ok]).toEqual([e.name, e.typical, true]);
    if (e.unit !== null) {
      expect(libraryUnit(e.unit)).toEqual({ unit: e.unit, odd: false });
      if (v.kind === "quantitative" && v.unit !== null) expect([e.name, v.unit]).toEqual([e.name, e.unit]);
    }
  }
});

test("satisfaction entries: rates with a typical range inside 80–100, direction 正向", () => {
  const sat = entries.filter((e) => e.level2 === "服务对象满意度指标");
  expect(sat.length).toBeGreaterThanOrEqual(30);
  for (const e of sat) {
    expect(e.unit).toBe("%");
    expect(e.direction).toBe("正向");
    const [lo, hi] = e.valueForm.range!;
    expect(lo).toBeGreaterThanOrEqual(80);
    expect(hi).toBeLessThanOrEqual(100);
  }
});

test("direction: ≤ values and the 101 social/ecological costs are 反向", () => {
  for (const e of entries) {
    if (/^[≤<]/.test(e.typical) || e.level2 === "社会成本指标" || e.level2 === "生态环境成本指标") expect([e.name, e.direction]).toEqual([e.name, "反向"]);
    if (/^≥/.test(e.typical)) expect([e.name, e.direction]).toEqual([e.name, "正向"]);
  }
});

describe("provenance: the source in words, the address only for an official source", () => {
  test("no entry shown as official has a non-government address (the whole library)", () => {
    for (const e of entries) {
      const view = provenanceView(e.provenance);
      if (view.kind === "official") expect([e.name, isGovernmentUrl(e.provenance.url)]).toEqual([e.name, true]);
      if (view.url !== null) expect([e.name, isGovernmentUrl(view.url), view.kind]).toEqual([e.name, true, "official"]);
      // Every other address is a re-posting site, marked as such.
      if (e.provenance.url !== null && !isGovernmentUrl(e.provenance.url)) {
        expect([e.name, e.provenance.kind]).toEqual([e.name, "reposted"]);
        expect(e.provenance.label.startsWith(REPOSTED_PREFIX)).toBe(true);
      }
    }
  });
  test("the level follows from label and address; labels are words, official ones name the body and the year", () => {
    for (const e of entries) {
      expect(provenanceOf(e.provenance.label, e.provenance.url)).toEqual(e.provenance);
      expect(e.provenance.label).not.toMatch(/https?:|www\.|\.com|\.gov\.cn/);
      if (e.provenance.kind === "official") expect(e.provenance.label).toMatch(/(局|政府|委员会|开发区|党校).*\d{4}年.*(表|报告)/);
    }
    // The seed rows that cite a source keep its address for audit (178 rows of domain §e, 反例 included).
    const antiWithSource = ANTI_PATTERNS.filter((a) => a.source !== null && !a.source.startsWith("none-in-corpus")).length;
    const cited = entries.filter((e) => ["official", "reposted", "document"].includes(e.provenance.kind)).length;
    expect(cited + antiWithSource).toBe(178);
  });
  test("docs/library.md gives the count of entries per source level", () => {
    const doc = fs.readFileSync(path.join(__dirname, "../../docs/library.md"), "utf8");
    const counts = new Map<string, number>();
    for (const e of entries) counts.set(e.provenance.kind, (counts.get(e.provenance.kind) ?? 0) + 1);
    const written = new Map<string, number>();
    for (const m of doc.matchAll(/^\| `([a-z-]+)` \|[^|\n]*\|[^|\n]*\| (\d+) \|$/gm)) written.set(m[1], Number(m[2]));
    for (const kind of PROVENANCE_KINDS.filter((k) => k !== "custom")) expect([kind, written.get(kind)]).toEqual([kind, counts.get(kind) ?? 0]);
  });
});

test("anti-patterns are never entries, and process-indicator flags every one of them", () => {
  expect(ANTI_PATTERNS).toHaveLength(8);
  const names = new Set(entries.flatMap((e) => entryKeys(e).keys));
  for (const a of ANTI_PATTERNS)
    for (const part of a.name.split(" / ")) {
      expect(names.has(normText(part))).toBe(false);
      expect([part, processKind(part)]).not.toEqual([part, null]);
    }
  for (const e of entries) for (const k of entryKeys(e).keys) expect([k, processKind(k)]).toEqual([k, null]);
});

test("the precomputed pinyin is aligned with the entry's keys and is what pinyin-pro gives", () => {
  for (const e of entries) {
    const { keys } = entryKeys(e);
    expect(e.pinyin).toHaveLength(keys.length);
    keys.forEach((k, i) => expect([k, e.pinyin![i]]).toEqual([k, pinyinOf(k)]));
  }
  const e = entries.find((x) => x.name === "项目（工程）验收合格率")!;
  expect(e.pinyin).toContain("xiang mu yan shou he ge lv");
});

test("entryCategoryFor maps an entry into a table's form (88 产出/成本 ↔ 101 成本/经济成本)", () => {
  const { entryCategoryFor } = jest.requireActual("../../src/core/library/schema") as typeof import("../../src/core/library/schema");
  const cost88 = { level1: "产出指标", level2: "成本指标" };
  const cost101 = { level1: "成本指标", level2: "经济成本指标" };
  expect(entryCategoryFor(cost88, "101")).toEqual(cost101);
  expect(entryCategoryFor(cost101, "88")).toEqual(cost88);
  expect(entryCategoryFor(cost88, "88")).toEqual(cost88);
  expect(entryCategoryFor({ level1: "成本指标", level2: "社会成本指标" }, "88")).toBeNull();
  expect(entryCategoryFor({ level1: "效益指标", level2: "可持续影响指标" }, "101")).toEqual({ level1: "效益指标", level2: "可持续影响指标" });
});
