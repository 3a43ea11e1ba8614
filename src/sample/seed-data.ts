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

/**
 * The seed's department-level part (第一部分 部门整体绩效目标) as published: one paragraph per line,
 * copied from the seed document (docs/domain.md part f, department level). The sample workbook puts
 * one line per cell in column A of the prose sheet.
 */
export const SEED_DEPARTMENT_LINES: readonly string[] = [
  "第一部分",
  "部门整体绩效目标",
  "一、总体绩效目标",
  "1、完善基础设施建设。积极加强基础设施建设，优化园区发展的硬件环境，进一步完善园区基础设施配套。",
  "2、抓好招商引资工作。以文安雄东工业新区为重要承载地，重点发展汽车核心部件制造及智能网联汽车测试、节能环保装备及服务、装备检测及标准化服务，全面服务对接雄安新区。紧扣产业定位，专题招商，成为雄安新区科技成果转化基地。",
  "3、全力推进项目建设。树立“倒计时”意识，进一步增强紧迫感和责任感，咬定目标任务不放松，狠抓工作落实不懈怠，把工作计划倒排到每个星期、每个工作日，全力推进各重点工程重点项目落实；紧盯在建项目，狠抓项目建设进度。加大项目服务力度，落实班子成员包项目，一个专门班子服务项目的机制，督促其加快施工进度，在合理组织施工和确保工程质量的前提下，加快项目进度，尽可能更多地形成实物工程量，确保重点项目建设任务顺利完成，按时间节点，项目竣工达效。",
  "4、蓝天碧水净土行动.一是精准精细管控各类涉气排放，充分利用技防+人防手段，实现科学防控，还人民群众清新空气；二是对涉水企业强化监管，明查暗访结合，实现废水零排放，污水处理厂投用并试运行，达到上级要求；三是严格企业固废管理，严格工业垃圾、农业生产垃圾随意倾倒，严管各类垃圾污染土地。",
  "二、分项绩效目标",
  "（一）党务、政务服务方面      绩效目标：完成上传下达，信息上报等工作，做好会议筹备及会议文件起草工作，及时整理好文书档案，做好部门间协调工作；完成各季度指标报送；账目及时入账，完成年末预决算及财务监督管工作。",
  "绩效指标:上报信息80条，上传下达工作任务完成率100%；文件档案整理工作完成率100%；会议筹备及部门协调工作完成率100%；农业、工业工作完成率100%，报表报送及时率100%；账目入账工作完成率、报表报送及时率、预决算工作完成率 100%。",
  "(二）规划建设管理方面",
  "绩效目标：加快工业新区建设及规划。",
  "绩效指标：投资项目审核、上报工作率完成 100%；辖区内工程建设和房产管理工作完成率 100%。",
  "(三）招商投资促进方面",
  "绩效目标：研究我县经济发展方向，制定产业政策、编制经济发展年度计划和中长期规划并组织实施，吸引优质客户助力我县经济发展。",
  "绩效指标：招商项目工作任务完成率 100%；组织参与招商活动不少于5次。负责区内企业各类扶持奖励计划及各项优惠政策的申报争取工作完成率100%。",
  "(四）财政管理服务方面",
  "绩效目标：负责协调组织区内各项财政收入按规定缴入上级财政专户，负责处理涉及财政、税收、债务等方面的事务，参与区内招投标、商治、验收等工作协调等。",
  "绩效指标：资金使用规范合理，不存在挪用、挤占、截留等现象;财政工作任务完成率100%，报表报送及时率100%。",
  "(五）安全生产管理方面",
  "绩效目标：完成对本辖区安全生产监督管理工作；参与、协调安全生产事故的调查处理工作，组织、指挥和协调安全生产救援工作，并完成矛盾纠纷排查。",
  "绩效指标：辖区内企业等单位检查工作完成率100%；安全监督工作任务完成率 100%；群众纠纷协调率、处理率、调解率 100%。",
  "(六）科技创新与人力资源管理方面",
  "绩效目标：加强新区科技成果的管理、推广和应用工作，落实好相关人才政策，促进人力资源合理流动、有效配置。",
  "绩效指标：组织人才培训每年不少于4次；人才信息录入及管理工作任务完成率 100%；",
  "(七）社会事务服务方面",
  "绩效目标：完成核查低、保五保，完成全年优抚、救灾款发放等工作，完成民政信息任务上报。",
  "绩效指标：低保、五保、优抚金、救灾款等资金发放工作完成率 100%；报表报送及时率 100%。",
  "三、工作保障措施",
  "2022年文安工业新区管理处将全面贯彻落实党的十九大精神，按照县委、县人民政府的总体部署，主动适应新常态，以提高经济增长质量和效益为核心，以“稳增长、促改革、惠民生”为主线，确保各种政策落实到位，",
  "(一）完善制度建设",
  "强化征管，确保完成全年财政收入任务。立足实际，用好现有的税收政策，依法加强征管，拓展新的增收渠道，确保财政收入稳定增长。",
  "（二）加强支出管理",
  "提高财政资金的使用效益。管理好各项专项资金，加强资金监管，使资金更好的服务于社会主义建设。按照“公开、公平、公正”的原则，完善和落实好各项补贴制度。",
  "（三）加强绩效运行监控",
  "坚持深化改革，加强财政监管，提高资金使用效益。加强对专项资金的跟踪检查，促进专项资金及时足额落实到项目上，做到专款专用。",
  "（四）做好绩效自评",
  "继续按照“公开、公平、公正”的原则，对出现问题及时整改。按要求开展上年度部门预算绩效自评和重点评价工作，对评价中发现的问题及时整改，调整优化支出结构，提高财政资金使用效益。",
  "（五）规范财务资产管理",
  "严格依法征管，狠抓零散税收，在管理的规范化上下功夫。严格审批程序，加强固定资产登记、使用和报废处置管理，做到支出合理，物尽其用。",
  "（六）加强内部监督",
  "一是规范财政资金申请，拨付，报账程序，严格现金管理；二是强化“收支两条线”管理；三是强化财政收支进度管理。",
  "（七）加强宣传培训",
  "加强干部队伍建设，转变工作作风，提高服务质量。要按照县委，县人民政府的要求，加强干部队伍建设，提倡“为民，务实、高效、清廉”，做到“讲政治、干实事、谋发展”。同时要积极开展业务学习，提高财政干部职工综合素质，增强大局意识、效率意识、廉政意识和服务意识， 增加工作的主动性，使依法理财水平明显提高，机关作风明显转变，廉政意识明显增强，工作效率明显提高，财政整体形象进一步提升。",
  "（八）聚力招商，促进开工",
  "以文安雄东工业新区为重要承载地，重点发展汽车核心部件制造及智能网联汽车测试、节能环保装备及服务、装备检测及标准化服务，全面服务对接雄安新区。紧扣产业定位，专题招商，成为雄安新区科技成果转化基地。",
];

function linesBetween(from: string, to: string | null): string[] {
  const a = SEED_DEPARTMENT_LINES.indexOf(from) + 1;
  const b = to === null ? SEED_DEPARTMENT_LINES.length : SEED_DEPARTMENT_LINES.indexOf(to);
  return SEED_DEPARTMENT_LINES.slice(a, b);
}

/** 一、总体绩效目标: the four numbered aims. */
export const SEED_DEPARTMENT_AIMS: readonly string[] = linesBetween("一、总体绩效目标", "二、分项绩效目标");

/** 二、分项绩效目标: the seven blocks, each its lines (heading, 绩效目标, 绩效指标) joined by "\n". */
export const SEED_DEPARTMENT_BLOCKS: readonly string[] = linesBetween("二、分项绩效目标", "三、工作保障措施")
  .reduce<string[][]>((blocks, line) => {
    if (/^[（(][一二三四五六七八九十]+[)）]/.test(line)) blocks.push([line]);
    else blocks[blocks.length - 1].push(line);
    return blocks;
  }, [])
  .map((lines) => lines.join("\n"));

/** 三、工作保障措施: its paragraphs. */
export const SEED_DEPARTMENT_MEASURES: readonly string[] = linesBetween("三、工作保障措施", null);
