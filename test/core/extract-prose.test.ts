import { extractClauses, extractProse, splitMeasures } from "../../src/core/extract/prose";
import { builtinSearchIndex } from "../../src/core/library";
import { SEED_DEPARTMENT_BLOCKS } from "../../src/sample/seed-data";

const index = builtinSearchIndex();
/** "name | value | period | 一级/二级" per row. */
const show = (text: string) =>
  extractProse(text, index).flatMap((b) =>
    b.rows.map((r) => `${r.name} | ${r.value.text} | ${r.period ?? ""} | ${r.level1 ?? ""}/${r.level2 ?? ""}`),
  );

test("the seed has seven 分项 blocks", () => {
  expect(SEED_DEPARTMENT_BLOCKS).toHaveLength(7);
  expect(extractProse(SEED_DEPARTMENT_BLOCKS.join("\n"), index).map((b) => b.name)).toEqual([
    "党务、政务服务方面",
    "规划建设管理方面",
    "招商投资促进方面",
    "财政管理服务方面",
    "安全生产管理方面",
    "科技创新与人力资源管理方面",
    "社会事务服务方面",
  ]);
});

test.each([
  [
    0,
    [
      "上报信息条数 | 80条 |  | 产出指标/数量指标",
      "上传下达工作任务完成率 | 100% |  | 产出指标/质量指标",
      "文件档案整理工作完成率 | 100% |  | 产出指标/质量指标",
      "会议筹备及部门协调工作完成率 | 100% |  | 产出指标/质量指标",
      "农业、工业工作完成率 | 100% |  | 产出指标/质量指标",
      "报表报送及时率 | 100% |  | 产出指标/时效指标",
      "账目入账工作完成率 | 100% |  | 产出指标/质量指标",
      "报表报送及时率 | 100% |  | 产出指标/时效指标",
      "预决算工作完成率 | 100% |  | 产出指标/质量指标",
    ],
  ],
  [1, ["投资项目审核、上报工作率完成 | 100% |  | 产出指标/质量指标", "辖区内工程建设和房产管理工作完成率 | 100% |  | 产出指标/质量指标"]],
  [
    2,
    [
      "招商项目工作任务完成率 | 100% |  | 产出指标/质量指标",
      "组织参与招商活动次数 | ≥5次 |  | 产出指标/数量指标",
      "负责区内企业各类扶持奖励计划及各项优惠政策的申报争取工作完成率 | 100% |  | 产出指标/质量指标",
    ],
  ],
  [
    3,
    [
      "资金使用规范合理 | 不存在挪用、挤占、截留等现象 |  | 产出指标/质量指标",
      "财政工作任务完成率 | 100% |  | 产出指标/质量指标",
      "报表报送及时率 | 100% |  | 产出指标/时效指标",
    ],
  ],
  [
    4,
    [
      "辖区内企业等单位检查工作完成率 | 100% |  | 产出指标/质量指标",
      "安全监督工作任务完成率 | 100% |  | 产出指标/质量指标",
      "群众纠纷协调率 | 100% |  | 产出指标/质量指标",
      "群众纠纷处理率 | 100% |  | 产出指标/质量指标",
      "群众纠纷调解率 | 100% |  | 产出指标/质量指标",
    ],
  ],
  [5, ["组织人才培训次数 | ≥4次 | 每年 | 产出指标/数量指标", "人才信息录入及管理工作任务完成率 | 100% |  | 产出指标/质量指标"]],
  [
    6,
    [
      "低保、五保、优抚金、救灾款等资金发放工作完成率 | 100% |  | 产出指标/质量指标",
      "报表报送及时率 | 100% |  | 产出指标/时效指标",
    ],
  ],
])("seed block %i converts to one row per measure", (i, rows) => {
  expect(show(SEED_DEPARTMENT_BLOCKS[i])).toEqual(rows);
});

test("the issue's examples: 80条 is a quantity without operator, 不少于 reads ≥, the packed rates give three rows", () => {
  const [info] = extractProse(SEED_DEPARTMENT_BLOCKS[0], index)[0].rows;
  expect(info.value).toEqual({ raw: "80条", op: null, number: 80, unit: "条", text: "80条" });
  expect(info.reason).toMatchObject({ code: "library", entry: "上报信息条数" });
  const training = extractProse(SEED_DEPARTMENT_BLOCKS[5], index)[0].rows[0];
  expect([training.value.op, training.value.number, training.value.unit, training.period]).toEqual(["≥", 4, "次", "每年"]);
  const packed = extractProse("绩效指标：账目入账工作完成率、报表报送及时率、预决算工作完成率 100%。", index)[0].rows;
  expect(packed.map((r) => [r.name, r.value.text, r.source])).toEqual([
    ["账目入账工作完成率", "100%", "账目入账工作完成率、报表报送及时率、预决算工作完成率 100%"],
    ["报表报送及时率", "100%", "账目入账工作完成率、报表报送及时率、预决算工作完成率 100%"],
    ["预决算工作完成率", "100%", "账目入账工作完成率、报表报送及时率、预决算工作完成率 100%"],
  ]);
});

test("a comma splits only between two figures; text without headings is one block", () => {
  expect(extractClauses("上报信息80条，上传下达工作任务完成率100%").map((c) => c.name)).toEqual(["上报信息条数", "上传下达工作任务完成率"]);
  expect(extractClauses("资金使用规范合理，不存在挪用").map((c) => [c.name, c.value.raw])).toEqual([["资金使用规范合理", "不存在挪用"]]);
  expect(extractProse("道路硬化不少于2.5公里；群众满意度达到95%以上", index).map((b) => [b.name, b.rows.map((r) => r.value.text)])).toEqual([
    [null, ["≥2.5公里", "≥95%"]],
  ]);
  expect(splitMeasures("群众纠纷协调率、处理率、调解率")).toEqual(["群众纠纷协调率", "群众纠纷处理率", "群众纠纷调解率"]);
});
