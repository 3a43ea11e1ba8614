/**
 * The seed document's three project tables (docs/domain.md, "The seed document"), transcribed by
 * hand, cell by cell, exactly as written there (text "200000.00", "100%", "≥95百分比"). This module is
 * the source of test/fixtures/generated/seed*.xlsx (scripts/make-fixtures.ts).
 */

export interface SeedIndicator {
  /** 一级 as written on the first row of its block; null on continuation rows (merged vertically). */
  level1: string | null;
  level2: string;
  name: string;
  description: string;
  value: string;
  basis: string;
}

export interface SeedTable {
  title: string;
  unitName: string;
  moneyUnitLabel: string;
  code: string;
  name: string;
  budget: string;
  fiscal: string;
  /** 其他资金: blank in the seed. */
  other: string | null;
  purpose: string;
  /** 3月底, 6月底, 10月底, 12月底 as written; null = blank. */
  plan: [string | null, string | null, string | null, string | null];
  /** The 绩效目标 cell, lines separated by "\n". */
  goal: string;
  indicators: SeedIndicator[];
}

const UNIT = "303001文安工业新区管理处本级";
const EVENT_GOAL = "开展本项目主要是按照廊坊市2021年第三次重点项目开工活动方案要求，确保活动顺利开展。";

function eventIndicators(doc: string, cost: string): SeedIndicator[] {
  const basis = `文小请字【2022】${doc}号`;
  return [
    { level1: "产出指标", level2: "质量指标", name: "项目验收合格率", description: "项目验收合格率", value: "≥95百分比", basis },
    { level1: null, level2: "时效指标", name: "资金拨付及时率", description: "资金拨付及时率", value: "100百分比", basis },
    {
      level1: null,
      level2: "成本指标",
      name: "会场布置总成本",
      description: "预算编制坚持“量入为出、收支平衡”的原则，保障经费到位。",
      value: cost,
      basis,
    },
    { level1: null, level2: "数量指标", name: "资金拨付到位率", description: "资金拨付到位率", value: "≥98百分比", basis },
    {
      level1: null,
      level2: "质量指标",
      name: "资金使用合规性",
      description: "解决活动支出，确保集中开工活动在我辖区的顺利进行。",
      value: "验收报告，合规",
      basis,
    },
    {
      level1: "效益指标",
      level2: "经济效益指标",
      name: "是否吸引更多的外商投资者",
      description: "吸引更多的企业来我县投资",
      value: "≥95百分比",
      basis,
    },
    {
      level1: null,
      level2: "社会效益指标",
      name: "保障项目顺利完成打造好招商环境",
      description: "社会反应极高，提升我县的影响力合知名度，获得良好口碑。",
      value: "≥95百分比",
      basis,
    },
    { level1: null, level2: "可持续影响指标", name: "持续影响作用率", description: "持续影响作用率", value: "≥95百分比", basis },
    {
      level1: "满意度指标",
      level2: "服务对象满意度指标",
      name: "项目单位满意度",
      description: "项目单位满意度",
      value: "≥95百分比",
      basis,
    },
    { level1: null, level2: "服务对象满意度指标", name: "满意度", description: "满意度", value: "≥95百分比", basis },
  ];
}

export const SEED_TABLES: SeedTable[] = [
  {
    title: "1.工业新区2021年文安县第三次重点项目开工会场搭建项目资金绩效目标表",
    unitName: UNIT,
    moneyUnitLabel: "单位：元",
    code: "13102622P00237611645J",
    name: "工业新区2021年文安县第三次重点项目开工会场搭建项目资金",
    budget: "200000.00",
    fiscal: "200000.00",
    other: null,
    purpose: "2021年文安县第三次重点项目开工会场搭建经费",
    plan: ["100%", "100%", "100%", "100%"],
    goal: [1, 2, 3].map((n) => `${n}.${EVENT_GOAL}`).join("\n"),
    indicators: eventIndicators("2", "≤20万元"),
  },
  {
    title: "2.工业新区2021年文安县第三次重点项目开工租赁施工机械项目资金绩效目标表",
    unitName: UNIT,
    moneyUnitLabel: "单位：元",
    code: "13102622P00237611669Q",
    name: "工业新区2021年文安县第三次重点项目开工租赁施工机械项目资金",
    budget: "500000.00",
    fiscal: "500000.00",
    other: null,
    purpose: "2021年文安县第三次重点项目开工租赁施工机械费",
    plan: ["100%", "100%", "100%", "100%"],
    goal: [1, 2, 3].map((n) => `${n}.${EVENT_GOAL}`).join("\n"),
    indicators: eventIndicators("3", "≤50万元"),
  },
  {
    title: "3.工业新区基础设施建设项目资金绩效目标表",
    unitName: UNIT,
    moneyUnitLabel: "单位：元",
    code: "13102622P00237611775F",
    name: "工业新区基础设施建设项目资金",
    budget: "3000000.00",
    fiscal: "3000000.00",
    other: null,
    purpose: "基本建设及维护",
    plan: [null, "50%", "90%", "100%"],
    goal: "1.提升园区基础设施配套水平\n2.打造精品园区，改善人居环境。\n3.发挥毗邻雄安新区优势，吸引更多投资者到新区投资建厂。",
    indicators: [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "园区基础设施升级改造",
        description: "园区内基础设施的新建及升级改造",
        value: "≥100百分比",
        basis: "基础设施建设和升级改造情况",
      },
      {
        level1: null,
        level2: "质量指标",
        name: "验收合格率",
        description: "通过验收工程量占总工程量的比例",
        value: "100百分比",
        basis: "验收报告",
      },
      {
        level1: null,
        level2: "时效指标",
        name: "按时完工",
        description: "工程按照合同日期顺利完工",
        value: "12月",
        basis: "所有工程在合同期内按时完成",
      },
      {
        level1: null,
        level2: "时效指标",
        name: "支付资金时效",
        description: "工程款支付时限",
        value: "≤12月份",
        basis: "施工合同",
      },
      {
        level1: null,
        level2: "成本指标",
        name: "按合同价格",
        description: "项目实施按合同测算明细计价，不随意增价减价",
        value: "300万元",
        basis: "工程按照合同约定及工程量完成，不出现提价增项问题。",
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "群众对项目的社会反响",
        description: "社会反响极好，使人们认识到政府是真正为老百姓办实事、办好事，服务老百姓。",
        value: "≥90百分比",
        basis: "在社会上形成好的社会影响，提高老百姓对政府工作的信任和支持。",
      },
      {
        level1: null,
        level2: "经济效益指标",
        name: "园区招商引资指标完成率",
        description: "通过园区基础设施的改造升级，为拟投资企业打造优质的配套设施，确保完成年度招商引资任务。",
        value: "≥95百分比",
        basis: "年度工作报告",
      },
      {
        level1: null,
        level2: "生态效益指标",
        name: "环境是否得到提升",
        description: "通过园区基础设施的改造升级，使新区基础设施水平得到有效提升。",
        value: "≥95百分比",
        basis: "改善了环境，提高了老百姓的生活质量。",
      },
      {
        level1: null,
        level2: "可持续影响指标",
        name: "对未来的影响",
        description: "提高了老百姓对环境保护的意识，使群众的环保素质得到了整体提升。",
        value: "≥90百分比",
        basis: "随机调出群众的环保意识。",
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "群众满意度",
        description: "群众满意度占总数的比例",
        value: "≥98百分比",
        basis: "满意度调查问卷",
      },
    ],
  },
];
