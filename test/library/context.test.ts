/** Context-first suggestions (tableContext) and their headings, on the seed's tables and made-up ones. */
import { BUILTIN_ENTRIES } from "../../src/core/library/builtin";
import { createSearchIndex } from "../../src/core/library/search";
import { tableContext } from "../../src/core/library/context";
import { contextGroupText, contextTypeText } from "../../src/core/library/reasons";
import { makeTable, ind } from "../helpers/table";
import { seedTable1, seedTable3 } from "../rules/_seed-tables";

const index = createSearchIndex(BUILTIN_ENTRIES);

describe("tableContext", () => {
  test("seed table 1 (会场搭建): 会议/活动 inferred with its words; the first group is 会议/活动 quantity indicators, headed by the reason", () => {
    const ctx = tableContext(index, seedTable1());
    expect(ctx.type?.type).toBe("会议/活动");
    expect(ctx.type?.hits).toEqual(expect.arrayContaining(["会场"]));
    expect(contextTypeText(ctx, "zh-CN")).toMatch(/^项目类型：会议\/活动（项目名称、资金用途或绩效目标含“.*会场.*”）$/);
    const [first] = ctx.groups;
    // Its only 数量指标 is 资金拨付到位率, a process indicator.
    expect(first.reason).toEqual({ code: "processOnly", category: "数量指标", block: "产出", names: ["资金拨付到位率"] });
    expect(contextGroupText(first, "zh-CN")).toBe("本表缺少数量指标（产出）：现有的“资金拨付到位率”是过程指标，适合会议/活动项目的指标：");
    expect(first.entries.every((e) => e.level2 === "数量指标" && e.types.includes("会议/活动"))).toBe(true);
    expect(first.entries.map((e) => e.name)).toEqual(expect.arrayContaining(["与会人数", "活动举办场次"]));
    // 参会人数 and 活动场次 are how people write two of them.
    expect(first.entries.flatMap((e) => e.aliases)).toEqual(expect.arrayContaining(["参会人数", "活动场次"]));
    // The table's own indicators are not offered again; the type group comes last.
    const offered = ctx.groups.flatMap((g) => g.entries.map((e) => e.name));
    expect(offered).not.toContain("会场布置总成本");
    expect(new Set(offered).size).toBe(offered.length);
    expect(ctx.groups.at(-1)?.reason).toEqual({ code: "typeFit" });
  });

  test("a missing category is its own group; a complete table gets the type group only", () => {
    const t = makeTable({
      projectName: "2023年农村低保资金",
      indicators: [ind("产出指标", "质量指标", "救助资金按标准发放率", "=100%"), ind("满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%")],
    });
    t.purpose.value = "发放农村低保金";
    const ctx = tableContext(index, t);
    expect(ctx.type?.type).toBe("补贴/救助发放");
    expect(ctx.groups.map((g) => g.reason)).toEqual([
      { code: "missing", category: "数量指标", block: "产出" },
      { code: "missing", category: "时效指标", block: "产出" },
      { code: "missing", category: "成本指标", block: "产出" },
      { code: "missing", category: "社会效益指标", block: "效益" },
      { code: "typeFit" },
    ]);
    expect(contextGroupText(ctx.groups[0], "zh-CN")).toBe("本表缺少数量指标（产出），适合补贴/救助发放项目的指标：");
    const t3 = seedTable3();
    const c3 = tableContext(index, t3);
    expect(c3.type?.type).toBe("基础设施建设");
    expect(c3.groups.every((g) => g.entries.length > 0)).toBe(true);
  });

  test("no type: general entries, said so", () => {
    const t = makeTable({ projectName: "专项经费", goal: null, indicators: [] });
    t.purpose.value = null;
    const ctx = tableContext(index, t);
    expect(ctx.type).toBeNull();
    expect(contextTypeText(ctx, "zh-CN")).toContain("未能");
    expect(ctx.groups.length).toBe(6);
    expect(ctx.groups.every((g) => g.type === null && g.entries.every((e) => e.types.includes("通用")))).toBe(true);
    expect(contextGroupText(ctx.groups[0], "en")).toBe("The table has no 数量指标 (产出); general indicators:");
  });
});
