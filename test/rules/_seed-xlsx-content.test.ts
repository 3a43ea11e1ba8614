/**
 * The content rules on the generated seed workbooks (layout detection and value parsing included):
 * what a reviewer flags in the seed's three tables (domain.md §f 6–10, 14–18, 20, 23–26).
 * Compared per table as "rule/messageId@column" so that the test does not depend on the fixture's row
 * offsets; the model-level tests pin the cells.
 */
import * as path from "node:path";
import { analyzeGrids } from "../../src/core/analyze";
import { readXlsx } from "../../src/xlsx/grid";

const CONTENT_RULES = [
  "basis-weak", "copied-indicators", "duplicate-goal", "duplicate-indicator", "goal-restates-name", "goal-unquantified",
  "multi-measure", "name-equals-description", "plan-front-loaded", "process-indicator", "qualitative-with-operator",
  "quantity-not-count", "satisfaction-value", "time-weak", "vague-indicator",
];

/** Issues of table 0 (项目1); table 1 has the same plus the two copy reports. */
const EVENT_TABLE = [
  "plan-front-loaded/allInQ1@B", // §f7
  "duplicate-goal/repeated@B", // §f6
  "goal-unquantified/noNumber@B", // §f6
  "basis-weak/sameForAll@G", // §f20
  "process-indicator/funds@C", // §f10 资金拨付及时率
  "process-indicator/funds@C", // §f10 资金拨付到位率
  "process-indicator/compliance@C", // §f10, §f14 资金使用合规性
  "quantity-not-count/rate@F", // §f10 资金拨付到位率 under 数量
  "vague-indicator/question@C", // §f15
  "vague-indicator/goalSentence@C", // §f16
  "vague-indicator/abstractRate@C", // §f17
  "satisfaction-value/selfRated@C", // §f18
  "satisfaction-value/noRespondent@C", // §f18
  ...Array(6).fill("name-equals-description/same@D"), // §f9
];

const INFRA_TABLE = [
  "goal-unquantified/noNumber@B",
  "quantity-not-count/percent@F", // §f23
  "time-weak/noYear@F", // §f24 12月
  "time-weak/noYear@F", // §f24 ≤12月份
  "vague-indicator/methodPhrase@C", // §f25 按合同价格
  "vague-indicator/abstractRate@C", // §f26 群众对项目的社会反响
  "vague-indicator/question@C", // §f26 环境是否得到提升
  "vague-indicator/abstractRate@C", // §f26 对未来的影响
  ...Array(6).fill("basis-weak/narrative@G"), // §f24–26
];

const EXPECTED = [
  EVENT_TABLE,
  [...EVENT_TABLE, "copied-indicators/copied@A", "copied-indicators/copiedGoal@B"], // §f8, §f6
  INFRA_TABLE,
].map((l) => [...l].sort());

test.each(["seed.xlsx", "seed-typed.xlsx"])("%s: the seed's defects, per table", async (file) => {
  const { grids } = await readXlsx(path.resolve(__dirname, "../fixtures/generated", file));
  const { tables, issues } = analyzeGrids(grids, { only: CONTENT_RULES });
  expect(tables).toHaveLength(3);
  const got = [0, 1, 2].map((t) =>
    issues
      .filter((i) => i.table === t)
      .map((i) => `${i.rule}/${i.messageId}@${(i.cell ?? "").replace(/\d+$/, "")}`)
      .sort(),
  );
  expect(got).toEqual(EXPECTED);
  // the copy report names the earlier table by project name and range
  const copied = issues.find((i) => i.messageId === "copied")!;
  expect(copied.data.project).toBe(tables[0].projectName.value);
  expect(copied.data.range).toBe(tables[0].range);
});
