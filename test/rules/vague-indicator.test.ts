import { rule } from "../../src/core/rules/vague-indicator";
import { testRule } from "../helpers/rule-tester";
import { ind, makeTable } from "../helpers/table";
import { seedTable1, seedTable2, seedTable3 } from "./_seed-tables";

const one = (name: string, value = "≥95%", description = "说明", level2 = "社会效益指标") =>
  makeTable({ indicators: [ind("效益指标", level2, name, value, description)] });

const invalid: [string, string, string, string?][] = [
  // [name, value, messageId, description]
  ["**", "≥95%", "placeholder"],
  ["★★★", "≥95%", "placeholder"],
  ["指标1:", "≥95%", "placeholder"],
  ["指标1：培训人数", "≥100人", "placeholder"],
  ["……", "≥95%", "placeholder"],
  ["100", "≥95%", "placeholder"],
  ["是否吸引更多的外商投资者", "≥95%", "question"],
  ["环境是否得到提升", "≥95%", "question"],
  ["群众满意吗", "≥95%", "question"],
  ["设施能否正常使用？", "≥95%", "question"],
  ["保障项目顺利完成打造好招商环境", "≥95%", "goalSentence"],
  ["确保活动顺利开展", "≥95%", "goalSentence"],
  ["营造良好的营商环境", "明显改善", "goalSentence"],
  ["按合同价格", "300万元", "methodPhrase"],
  ["根据实际需要安排", "合规", "methodPhrase"],
  ["培训合格率达到95%", "≥95%", "embeddedValue"],
  ["覆盖率≥90%", "≥90%", "embeddedValue"],
  ["上报信息80条", "80条", "embeddedValue"],
  ["道路硬化不少于3公里", "≥3公里", "embeddedValue"],
  ["持续影响作用率", "≥95%", "abstractRate", "持续影响作用率"],
  ["对未来的影响", "≥90%", "abstractRate", "提高了老百姓对环境保护的意识"],
  ["群众对项目的社会反响", "≥90%", "abstractRate", "社会反响极好"],
  // corpus hb-ningjin-2019-gaozhongzhuxuejin D3: 与否 asks yes or no
  ["规章制度建立与否", "≥95%", "question"],
  // corpus ah-jinan-2025-wangqiu-saishi D19: the 度 of 知名度 is what the goal verb aims at, not a measure
  ["打造金安国际网球公开赛等系列品牌赛事,提升六安城市的知名度和美誉度。", "效果良好", "goalSentence"],
  // corpus hub-xiangyang-2021-dongjin-yuanqu C16: two clauses and nothing measured
  ["院区建成后,可持续为周边群众提供医疗服务", "服务范围扩大", "goalSentence"],
  // corpus sc-ganzi-2023-shipinanquan C16: a goal verb after 进一步
  ["进一步提高食品安全工作科学化、规范化", "高", "goalSentence"],
  // corpus sc-zhaohua-2021-tekun-zaifuzhu D18: a procedure
  ["按政策、法律、法规乡镇申报、初审确认对象资格,县级按要求复审", "100%", "methodPhrase"],
  // corpus hn-xiangtan-2023-wupaoche D13: a requirement, not a cost object
  ["控制在预算成本内", "250万", "methodPhrase"],
  // corpus hn-hengshan-2020-chubeiliang D11: the quantity in the name, a rate as the value
  ["5000吨稻谷、500吨成 品粮储备到位率", "100%", "embeddedValue"],
  // corpus cq-banan-2022-shengdengshan-zhibushuji C19, C23; sc-ganzi-2023-shipinanquan C11
  ["为民众办好事,办实事", "100%", "sloganRate"],
  ["激发为民办事的热情", "100%", "sloganRate"],
  ["食安委成员单位食品安全工作齐抓共管", "100%", "sloganRate"],
  ["提升城市知名度", "≥90%", "abstractRate"],
];

const valid: [string, string, string?][] = [
  // a real name around a template placeholder is placeholder-left's; a marker is a core indicator
  ["XX培训人数", "≥100人"],
  ["××项目完成率", "≥95%"],
  ["培训人数（≥**人）", "≥100人"],
  ["★培训人数", "≥100人"],
  ["※项目验收合格率", "≥95%"],
  ["*新增就业人数", "≥50人"],
  ["培训人次", "≥200人次"],
  ["10千伏线路改造长度", "≥3公里"],
  ["5G基站数量", "≥3个"],
  ["PM2.5年均浓度", "≤35微克/立方米"],
  ["X光机购置数量", "=2台"],
  ["群众出行条件改善", "明显改善"],
  ["参训人员业务能力提升", "明显提升"],
  ["保障机构正常运转", "有效保障"],
  ["按时完工率", "≥95%"],
  ["对社会公共福利的负面影响", "无明显负面影响"],
  ["宣传效果", "明显"], // abstract but qualitative: no rate claimed
  ["持续影响作用率", "≥95%", "持续发挥作用的设施数占建成设施数的比例"], // a defined ratio
  ["项目验收合格率", "≥95%"],
  ["2022年度新增就业人数", "≥50人"],
  ["游客满意度", "≥90%"],
  ["60岁以上老人体检率", "≥90%"],
  ["2023年度项目完成率", "100%"],
  ["3个工作日办结率", "≥95%"],
  ["设施维护次数", "≥4次"],
  ["为当地提供就业LJUI,冈位", "增加岗位"], // corpus gs-jiayuguan-2023-bowuguan C26: a garbled name, one clause too short
];

testRule(rule, {
  valid: [
    { name: "the good table", table: makeTable() },
    { name: "a goal verb with a measured noun is no slogan", table: one("提高群众满意度", "≥90%") },
    { name: "a slogan graded, not scored", table: one("促进社会和谐", "明显改善") },
    { name: "corpus hub-qingshan-2020-jichusheshi G18: 持续改善 of a named subject is a grade", table: one("基础教育学校办学条件", "持续改善") },
    {
      name: "corpus hub-xiangyang-2021-dongjin-yuanqu C12: a fund-compliance name is process-indicator's",
      table: makeTable({ indicators: [ind("产出指标", "质量指标", "保证财政建设补助专款专用", "专款专用", "说明")] }),
    },
    { name: "a subject with its grade", table: one("群众出行条件", "明显改善") },
    { name: "长期 in a 时效 row is time-weak's", table: makeTable({ indicators: [{ level1: "产出指标", level2: "时效指标", name: "设施维护期限", value: "长期", description: "说明", basis: "计划标准" }] }) },
    ...valid.map(([n, v, d]) => ({ name: `${n} ${v}`, table: one(n, v, d) })),
  ],
  invalid: [
    { name: "sloganRate: 促进社会和谐 ≥95%", table: one("促进社会和谐", "≥95%"), expect: [["C13", "sloganRate"]] },
    { name: "sloganRate: 推动经济发展 ≥90%", table: one("推动经济发展", "≥90%"), expect: [["C13", "sloganRate"]] },
    { name: "sloganBlank: corpus cq-tongnan-2023-wuguizhen-yibanxing B12 促进社会和谐 with no value", table: one("促进社会和谐", ""), expect: [["C13", "sloganBlank"]] },
    { name: "sloganBlank: 保障权益 with no value", table: one("保障权益", ""), expect: [["C13", "sloganBlank"]] },
    { name: "emptyGrade: 效果明显", table: one("对周边经济的带动作用", "效果明显"), expect: [["F13", "emptyGrade"]] },
    { name: "emptyGrade: 长期", table: one("设施持续发挥作用", "长期"), expect: [["F13", "emptyGrade"]] },
    ...invalid.map(([n, v, id, d]) => ({
      name: `${id}: ${n}`,
      table: one(n, v, d),
      expect: [["C13", id]] as [string, string][],
    })),
    { name: "placeholder name (value placeholders are placeholder-left's)", table: one("指标1:", "≥**人"), expect: [["C13", "placeholder"]] },
    {
      name: "seed tables 1 and 2 (§f15–17)",
      tables: [seedTable1(), seedTable2()],
      expect: [
        ["C18", "question"],
        ["C19", "goalSentence"],
        ["C20", "abstractRate"],
        ["C18", "question"],
        ["C19", "goalSentence"],
        ["C20", "abstractRate"],
      ],
    },
    {
      name: "seed table 3 (§f25, §f26)",
      table: seedTable3(),
      expect: [
        ["C17", "methodPhrase"],
        ["C18", "abstractRate"],
        ["C20", "question"],
        ["C21", "abstractRate"],
      ],
    },
  ],
});
