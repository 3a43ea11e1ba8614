/** Search quality and behaviour over the built-in library: free-written names, exact names, pinyin, filters, context. */
import { BUILTIN_ENTRIES } from "../../src/core/library/builtin";
import { createSearchIndex, search, standardEntriesNamed, type SearchResult } from "../../src/core/library/search";
import { canonicalProjectType, inferProjectTypes } from "../../src/core/library/project-types";
import { entryKeys, type LibraryEntry } from "../../src/core/library/schema";
import { pinyinOf } from "../../src/core/library/pinyin";
import { normText } from "../../src/core/rules/utils/text";
import { reasonText } from "../../src/core/library/reasons";

const index = createSearchIndex(BUILTIN_ENTRIES);
const names = (rs: SearchResult[]) => rs.map((r) => r.entry.name);

/** Free-written names (the seed's and other real tables') → the standard entry expected in the top 3. */
const FREE_WRITTEN: [string, string][] = [
  // the seed (domain §f)
  ["会场布置总成本", "会场布置总成本"],
  ["项目验收合格率", "项目（工程）验收合格率"],
  ["资金拨付及时率", "工程款支付及时率"],
  ["群众满意度", "群众满意度"],
  ["按时完工", "工程完工时间"],
  ["园区基础设施升级改造", "完成基础设施改造项目数"],
  ["支付资金时效", "工程款支付及时率"],
  ["按合同价格", "工程建设成本"],
  ["群众对项目的社会反响", "受益群众满意度"],
  ["环境是否得到提升", "人居环境改善情况"],
  ["满意度", "服务对象满意度"],
  ["园区招商引资指标完成率", "招商引资任务完成率"],
  ["是否吸引更多的外商投资者", "新引进企业数"],
  // other tables: variants, word order, typos, synonyms
  ["培训人数", "培训参加人数"],
  ["学员满意度", "参训人员满意度"],
  ["设备采购数量", "购置设备数量"],
  ["低保金按时发放", "救助资金发放及时率"],
  ["系统运行稳定率", "系统正常运行率"],
  ["道路硬化长度", "道路硬化里程"],
  ["疫苗接种率", "适龄儿童免疫规划疫苗接种率"],
  ["验收合格律", "验收合格率"],
  ["参会人数", "与会人数"],
  ["隐患整改完成率", "隐患整改率"],
  ["污水处理达标率", "出水水质达标率"],
  ["路灯安装数", "路灯（照明设施）安装数量"],
  ["空气优良天数比例", "空气质量优良天数比率"],
  ["高标准农田建设亩数", "高标准农田建设面积"],
  ["家庭医生签约服务人数", "家庭医生签约人数"],
  ["会议召开次数", "组织召开会议次数"],
  ["培训班举办期数", "组织培训班次"],
  ["档案整理完成率", "文件档案整理完成率"],
  ["安全生产检查次数", "安全生产执法检查次数"],
  ["救助对象满意率", "救助对象满意度"],
  ["规划成果评审通过率", "规划成果审查通过率"],
  ["绩效评价报告合格率", "评价报告质量合格率"],
  ["演出场次", "文化惠民演出场次"],
  ["人均培训费用", "人均培训成本"],
  ["补助发放人数", "补贴发放人数"],
  ["车辆购置数", "车辆配备数"],
];

describe("free-written names find the standard entry in the top 3", () => {
  test.each(FREE_WRITTEN)("%s → %s", (query, expected) => {
    expect(names(search(index, query, { limit: 3 }))).toContain(expected);
  });
  test("the list is long enough", () => expect(FREE_WRITTEN.length).toBeGreaterThanOrEqual(25));
});

test("every standard name, searched as written, comes first with match exact", () => {
  for (const e of BUILTIN_ENTRIES) {
    const [top] = search(index, e.name, { limit: 3 });
    expect([e.name, top.match]).toEqual([e.name, "exact"]);
    expect(entryKeys(top.entry).keys.slice(0, entryKeys(top.entry).standard)).toContain(normText(e.name));
  }
});

test("an exact standard name outranks everything, whatever the context", () => {
  const rs = search(index, "群众满意度", { context: { level2: "数量指标", projectName: "2022年业务培训项目" } });
  expect(rs[0].entry.name).toBe("群众满意度");
  expect(rs[0].score).toBeGreaterThan(rs[1].score + 30);
});

describe("pinyin", () => {
  test.each([
    ["xmyshgl", "项目（工程）验收合格率"],
    ["hcbzzcb", "会场布置总成本"],
    ["pxrc", "培训人次"],
    ["dlyhlc", "道路硬化里程"],
    ["dbjffzql", "低保金发放准确率"],
    ["xtzcyxl", "系统正常运行率"],
  ])("initials %s → %s first", (q, expected) => {
    const [top] = search(index, q);
    expect(top.entry.name).toBe(expected);
    expect(top.match).toBe("pinyinInitials");
  });
  test("full pinyin, a prefix of it, and a mix of syllables and initials", () => {
    expect(search(index, "xiangmuyanshouhegelv")[0].entry.name).toBe("项目（工程）验收合格率");
    expect(search(index, "xiang mu yan shou")[0].entry.name).toBe("项目（工程）验收合格率");
    expect(search(index, "xmyanshou")[0].entry.name).toBe("项目（工程）验收合格率");
    expect(names(search(index, "peixun", { limit: 5 })).every((n) => n.includes("培训"))).toBe(true);
  });
  test("ü is typed v: lv finds 率", () => {
    expect(search(index, "hegelv", { limit: 10 }).every((r) => r.entry.name.includes("合格率"))).toBe(true);
  });
  test("Latin letters inside a name (PM2.5) are found as written", () => {
    expect(search(index, "PM2.5")[0].entry.name).toBe("PM2.5年均浓度下降");
  });
  test("entries without precomputed pinyin get it from the provider at index build, or have none", () => {
    const custom: LibraryEntry = { ...BUILTIN_ENTRIES.find((e) => e.name === "培训人次")!, id: "c:x", name: "夜校学员人次", aliases: [], pinyin: undefined };
    expect(search(createSearchIndex([custom]), "yxxyrc")).toEqual([]);
    const calls: string[] = [];
    const withPy = createSearchIndex([custom], { pinyin: (t) => (calls.push(t), pinyinOf(t)) });
    expect(search(withPy, "yxxyrc")[0].entry.id).toBe("c:x");
    expect(calls).toEqual(["夜校学员人次"]);
    // Built-in entries carry their pinyin: the provider is never called for them.
    const none: string[] = [];
    createSearchIndex(BUILTIN_ENTRIES, { pinyin: (t) => (none.push(t), "") });
    expect(none).toEqual([]);
  });
});

describe("filters", () => {
  test("二级: only that category (成本指标 and 经济成本指标 are the same across the forms)", () => {
    const q = search(index, "合格率", { level2: "质量指标", limit: 50 });
    expect(q.length).toBeGreaterThan(10);
    expect(q.every((r) => r.entry.level2 === "质量指标")).toBe(true);
    const cost = search(index, "成本", { level2: "经济成本指标", limit: 100 });
    expect(new Set(cost.map((r) => r.entry.level2))).toEqual(new Set(["成本指标", "经济成本指标"]));
  });
  test("一级: 成本指标 covers the 88 form's 产出/成本 rows too", () => {
    const rs = search(index, "成本", { level1: "成本指标", limit: 200 });
    expect(rs.some((r) => r.entry.level1 === "产出指标" && r.entry.level2 === "成本指标")).toBe(true);
    expect(rs.every((r) => r.entry.level1 === "成本指标" || r.entry.level2 === "成本指标")).toBe(true);
    expect(search(index, "满意度", { level1: "产出指标" })).toEqual([]);
  });
  test("project type: the type's entries and the general ones, the type's first", () => {
    const rs = search(index, "满意度", { type: "会议/活动", limit: 100 });
    expect(rs.every((r) => r.entry.types.includes("会议/活动") || r.entry.types.includes("通用"))).toBe(true);
    // 服务对象满意度 (通用, an alias hit) first; then every meeting entry before the other general ones.
    expect(rs[0].entry.name).toBe("服务对象满意度");
    const rest = rs.slice(1).map((r) => r.entry.types.includes("会议/活动"));
    expect(rest.indexOf(false)).toBeGreaterThan(rest.lastIndexOf(true));
    expect(names(rs).slice(1, 5)).toEqual(expect.arrayContaining(["与会人员满意度", "参会企业满意度"]));
  });
  test("an empty query lists the filtered entries (browsing a category)", () => {
    const all = search(index, "", { level2: "社会成本指标", limit: 1000 });
    expect(all.length).toBe(BUILTIN_ENTRIES.filter((e) => e.level2 === "社会成本指标").length);
    expect(all.every((r) => r.match === "browse")).toBe(true);
  });
  test("limit", () => {
    expect(search(index, "率", { limit: 7 })).toHaveLength(7);
    expect(search(index, "率").length).toBe(10);
  });
});

describe("ranking by context: the row's 二级 and the project's type", () => {
  test("the row's 二级 lifts its own category", () => {
    const plain = search(index, "完工", { limit: 5 });
    const timed = search(index, "完工", { limit: 5, context: { level2: "时效指标" } });
    expect(timed[0].entry.level2).toBe("时效指标");
    expect(timed[0].reasons.map((r) => r.code)).toContain("level2");
    expect(plain.length).toBeGreaterThan(0);
  });
  test("the project's inferred type lifts its entries", () => {
    const q = "人均";
    const training = search(index, q, { limit: 3, context: { projectName: "2022年全县业务培训项目" } });
    const relief = search(index, q, { limit: 3, context: { projectName: "2022年城乡低保资金", purpose: "困难群众救助" } });
    expect(training[0].entry.types).toContain("培训");
    expect(relief[0].entry.types).toContain("补贴/救助发放");
    expect(reasonText(training[0].reasons, "zh-CN")).toContain("培训");
  });
  test("standardEntriesNamed: a name and its variants are standard, aliases are not", () => {
    expect(standardEntriesNamed(index, "项目验收合格率").map((e) => e.name)).toEqual(["项目（工程）验收合格率"]);
    expect(standardEntriesNamed(index, "项目工程验收合格率 ").map((e) => e.name)).toEqual(["项目（工程）验收合格率"]);
    expect(standardEntriesNamed(index, "按时完工")).toEqual([]);
  });
});

describe("project types", () => {
  test.each([
    ["工业新区2021年文安县第三次重点项目开工会场搭建项目资金", "会议/活动"],
    ["工业新区基础设施建设项目资金", "基础设施建设"],
    ["2022年农村低保资金", "补贴/救助发放"],
    ["政务服务平台运维经费", "信息化建设"],
    ["安全生产执法检查经费", "安全生产监管"],
    ["大气污染防治专项资金", "环保/污染治理"],
    ["机关党建工作经费", "党务政务/办公运转"],
    ["高层次人才引进补贴", "科技/人才"],
    ["国土空间总体规划编制经费", "规划建设"],
    ["财政预算绩效评价经费", "财政管理"],
    ["高标准农田建设项目", "农业农村"],
    ["义务教育学生营养改善计划", "教育"],
    ["基本公共卫生服务项目", "卫生健康"],
    ["招商引资工作经费", "招商引资"],
    ["执法车辆购置", "设备购置/租赁"],
    ["全县教师业务培训", "培训"],
  ])("%s → %s", (name, type) => {
    expect(inferProjectTypes(name)[0]?.type).toBe(type);
  });
  test("the project name weighs more than the goals; 通用 is never inferred", () => {
    const t = inferProjectTypes({ projectName: "业务培训项目", goals: ["完成道路改造"] });
    expect(t[0].type).toBe("培训");
    expect(t.map((x) => x.type)).not.toContain("通用");
    expect(inferProjectTypes("")).toEqual([]);
  });
  test("canonical names from short forms", () => {
    expect(canonicalProjectType("会议")).toBe("会议/活动");
    expect(canonicalProjectType("补贴/救助资金发放（低保/五保/优抚/救灾）")).toBe("补贴/救助发放");
    expect(canonicalProjectType("信息化建设/运维")).toBe("信息化建设");
    expect(canonicalProjectType("火星探测")).toBeNull();
  });
});
