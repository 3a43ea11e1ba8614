/**
 * The precomputed paths give exactly what the plain ones give:
 *  - rankHits(queryHits(q)) ≡ search(q) without filters, under any context (the nonstandard-wording
 *    rule computes a name's text matches once and ranks them per row);
 *  - inferProjectTypes (keywords found through a first-character map) ≡ the plain longest-first
 *    scan over every keyword, on the seed's texts, the bench's and random mixes of keywords.
 */
import fc from "fast-check";
import { BUILTIN_ENTRIES } from "../../src/core/library/builtin";
import { builtinSearchIndex } from "../../src/core/library/builtin-index";
import { inferProjectTypes, PROJECT_TYPES, type InferredType, type ProjectText } from "../../src/core/library/project-types";
import { queryHits, rankHits, search, type SearchContext } from "../../src/core/library/search";
import { normText } from "../../src/core/rules/utils/text";

const index = builtinSearchIndex();

describe("rankHits(queryHits) is search without filters", () => {
  const queries = [
    "满意度",
    "完成时间",
    "按时完工",
    "验收合格律",
    "家庭医生签约服务人数",
    "经济开发区服务覆盖率",
    "租赁施工机械总成本",
    "培训人次达标率",
    "监测点位数",
    "园区基础设施升级改造",
    "对未来的影响",
    "扬尘",
    "率",
    "xmys",
    "peixun",
    "PM2.5",
    "",
    ...BUILTIN_ENTRIES.slice(0, 600).filter((_, i) => i % 20 === 0).flatMap((e) => [e.name, e.name.slice(1, -1), ...e.aliases.slice(0, 1)]),
  ];
  const contexts: (SearchContext | undefined)[] = [
    undefined,
    { level1: "产出指标", level2: "数量指标", types: [] },
    { level1: "产出指标", level2: "时效指标", types: [{ type: "基础设施建设", score: 6, hits: ["道路"] }, { type: "会议/活动", score: 2, hits: [] }] },
    { level1: "效益指标", level2: "社会效益指标", types: [{ type: "培训", score: 4, hits: ["培训"] }] },
    { level1: "满意度指标", level2: "服务对象满意度指标" },
    { level1: "成本指标", level2: "经济成本指标", projectName: "开工仪式会场搭建项目" },
  ];
  test.each(queries.map((q) => [q]))("%s", (q) => {
    const hits = queryHits(index, q);
    expect(hits.query).toBe(normText(q));
    for (const context of contexts)
      for (const limit of [1, 8, 30]) expect(rankHits(index, hits, { limit, context })).toEqual(search(index, q, { limit, context }));
  });
});

/** The longest-first scan over every keyword, as project-types.ts did it before the first-character map. */
function referenceTypes(input: ProjectText): InferredType[] {
  const keywords = PROJECT_TYPES.flatMap((t) => [
    ...t.keywords.map((word) => ({ type: t.id, word, key: normText(word), weight: Math.min(normText(word).length, 4) })),
    ...(t.weak ?? []).map((word) => ({ type: t.id, word, key: normText(word), weight: 1 })),
  ]).sort((a, b) => b.key.length - a.key.length);
  const found = new Map<string, InferredType>();
  const scan = (text: string, weight: number) => {
    let rest = normText(text);
    if (!rest) return;
    for (const k of keywords) {
      if (!rest.includes(k.key)) continue;
      const cur = found.get(k.type) ?? { type: k.type, score: 0, hits: [] };
      cur.score += weight * k.weight;
      if (!cur.hits.includes(k.word)) cur.hits.push(k.word);
      found.set(k.type, cur);
      rest = rest.split(k.key).join("|");
    }
  };
  scan(input.projectName ?? "", 2);
  scan(input.purpose ?? "", 1);
  const goals = input.goals;
  scan(typeof goals === "string" ? goals : (goals ?? []).join("\n"), 1);
  return [...found.values()].sort((a, b) => b.score - a.score || (a.type < b.type ? -1 : 1));
}

describe("inferProjectTypes finds what the plain scan finds", () => {
  test.each([
    [{ projectName: "文安县2022年开工仪式会场搭建及租赁施工机械项目", purpose: "会场搭建、机械租赁", goals: ["1.完成会场搭建任务", "2.保障安全生产"] }],
    [{ projectName: "工业新区2022年道路维修项目资金（第3号）", purpose: "道路维修经费", goals: ["1.完成工业新区道路维修任务，全年改造道路长度达到13公里。\n2.项目支出控制在11.5万元以内。"] }],
    [{ projectName: "安全生产执法检查", goals: "安全,生产 检查；消防 应急" }],
    [{ projectName: "", purpose: null, goals: null }],
  ])("%o", (input) => {
    expect(inferProjectTypes(input)).toEqual(referenceTypes(input));
  });

  test("random mixes of keywords, their parts and punctuation", () => {
    const words = PROJECT_TYPES.flatMap((t) => [...t.keywords, ...(t.weak ?? [])]);
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((w) => w.slice(0, Math.max(1, w.length - 1))),
      fc.constantFrom("，", "、", " ", "。", "(", "项目", "2022年", "的", "|", "Ａ"),
    );
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(""));
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 3 }), (projectName, purpose, goals) => {
        const input = { projectName, purpose, goals };
        expect(inferProjectTypes(input)).toEqual(referenceTypes(input));
      }),
      { numRuns: 300 },
    );
  });
});
