/**
 * The seed's three project tables (src/sample/seed-data.ts, domain.md §f) as models,
 * for the content rules' tests. Indicator rows start at sheet row 13: name C, description D, value F,
 * basis G; goal B8; plan B7 (3月底), D7, E7, F7. Tables 1 and 2 differ only in the 文号, the budget and
 * the cost value, as in the seed.
 */
import { makeTable, type IndSpec } from "../helpers/table";

const row = (
  level1: string | undefined,
  level2: string,
  name: string,
  description: string,
  value: string,
  basis: string,
): IndSpec => (level1 === undefined ? { level2, name, description, value, basis } : { level1, level2, name, description, value, basis });

const EVENT_GOAL = [
  "1.开展本项目主要是按照廊坊市2021年第三次重点项目开工活动方案要求，确保活动顺利开展。",
  "2.开展本项目主要是按照廊坊市2021年第三次重点项目开工活动方案要求，确保活动顺利开展。",
  "3.开展本项目主要是按照廊坊市2021年第三次重点项目开工活动方案要求，确保活动顺利开展。",
].join("\n");

function eventIndicators(doc: string, cost: string): IndSpec[] {
  return [
    row("产出指标", "质量指标", "项目验收合格率", "项目验收合格率", "≥95百分比", doc),
    row(undefined, "时效指标", "资金拨付及时率", "资金拨付及时率", "100百分比", doc),
    row(undefined, "成本指标", "会场布置总成本", "预算编制坚持“量入为出、收支平衡”的原则，保障经费到位。", cost, doc),
    row(undefined, "数量指标", "资金拨付到位率", "资金拨付到位率", "≥98百分比", doc),
    row(undefined, "质量指标", "资金使用合规性", "解决活动支出，确保集中开工活动在我辖区的顺利进行。", "验收报告，合规", doc),
    row("效益指标", "经济效益指标", "是否吸引更多的外商投资者", "吸引更多的企业来我县投资", "≥95百分比", doc),
    row(undefined, "社会效益指标", "保障项目顺利完成打造好招商环境", "社会反应极高，提升我县的影响力合知名度，获得良好口碑。", "≥95百分比", doc),
    row(undefined, "可持续影响指标", "持续影响作用率", "持续影响作用率", "≥95百分比", doc),
    row("满意度指标", "服务对象满意度指标", "项目单位满意度", "项目单位满意度", "≥95百分比", doc),
    row(undefined, "服务对象满意度指标", "满意度", "满意度", "≥95百分比", doc),
  ];
}

export function seedTable1() {
  return makeTable({
    projectCode: "13102622P00237611645J",
    projectName: "工业新区2021年文安县第三次重点项目开工会场搭建项目资金",
    budget: 200000,
    plan: [100, 100, 100, 100],
    goal: EVENT_GOAL,
    indicators: eventIndicators("文小请字【2022】2号", "≤20万元"),
  });
}

export function seedTable2() {
  return makeTable({
    projectCode: "13102622P00237611669Q",
    projectName: "工业新区2021年文安县第三次重点项目开工租赁施工机械项目资金",
    budget: 500000,
    plan: [100, 100, 100, 100],
    goal: EVENT_GOAL,
    indicators: eventIndicators("文小请字【2022】3号", "≤50万元"),
  });
}

export function seedTable3() {
  return makeTable({
    projectCode: "13102622P00237611775F",
    projectName: "工业新区基础设施建设项目资金",
    budget: 3000000,
    plan: [null, 50, 90, 100],
    goal: "1.提升园区基础设施配套水平\n2.打造精品园区，改善人居环境。\n3.发挥毗邻雄安新区优势，吸引更多投资者到新区投资建厂。",
    indicators: [
      row("产出指标", "数量指标", "园区基础设施升级改造", "园区内基础设施的新建及升级改造", "≥100百分比", "基础设施建设和升级改造情况"),
      row(undefined, "质量指标", "验收合格率", "通过验收工程量占总工程量的比例", "100百分比", "验收报告"),
      row(undefined, "时效指标", "按时完工", "工程按照合同日期顺利完工", "12月", "所有工程在合同期内按时完成"),
      row(undefined, "时效指标", "支付资金时效", "工程款支付时限", "≤12月份", "施工合同"),
      row(undefined, "成本指标", "按合同价格", "项目实施按合同测算明细计价，不随意增价减价", "300万元", "工程按照合同约定及工程量完成，不出现提价增项问题。"),
      row("效益指标", "社会效益指标", "群众对项目的社会反响", "社会反响极好，使人们认识到政府是真正为老百姓办实事、办好事，服务老百姓。", "≥90百分比", "在社会上形成好的社会影响，提高老百姓对政府工作的信任和支持。"),
      row(undefined, "经济效益指标", "园区招商引资指标完成率", "通过园区基础设施的改造升级，为拟投资企业打造优质的配套设施，确保完成年度招商引资任务。", "≥95百分比", "年度工作报告"),
      row(undefined, "生态效益指标", "环境是否得到提升", "通过园区基础设施的改造升级，使新区基础设施水平得到有效提升。", "≥95百分比", "改善了环境，提高了老百姓的生活质量。"),
      row(undefined, "可持续影响指标", "对未来的影响", "提高了老百姓对环境保护的意识，使群众的环保素质得到了整体提升。", "≥90百分比", "随机调出群众的环保意识。"),
      row("满意度指标", "服务对象满意度指标", "群众满意度", "群众满意度占总数的比例", "≥98百分比", "满意度调查问卷"),
    ],
  });
}
