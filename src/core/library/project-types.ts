/**
 * Project types (项目类型) of the indicator library and their inference from a project's name,
 * 资金用途 and 绩效目标 text. Pure keyword matching: a type's score is the sum of the weights of its
 * keywords found in the text (longer keywords count more), the project name counting double.
 */
import { normText } from "../rules/utils/text";

export const GENERAL_TYPE = "通用";

export interface ProjectTypeDef {
  /** Canonical name, as stored in entries' `types`. */
  id: string;
  /** Other spellings accepted in imports and on the command line (--type 会议). */
  aliases: readonly string[];
  /** Words of a project name / purpose / goal that suggest the type. */
  keywords: readonly string[];
  /** Words that suggest it weakly (shared with other types: 农村, 系统, 工作经费 …): weight 1. */
  weak?: readonly string[];
}

export const PROJECT_TYPES: readonly ProjectTypeDef[] = [
  { id: GENERAL_TYPE, aliases: ["通用指标", "共性指标", "通用(101号结构)", "通用（101号结构）"], keywords: [] },
  {
    id: "基础设施建设",
    aliases: ["基础设施", "工程建设", "基建"],
    keywords: ["基础设施", "道路", "公路", "桥梁", "管网", "修缮", "硬化", "供水", "排水", "路灯", "厂房", "市政", "雨污", "停车场", "广场", "提升改造", "升级改造"],
    weak: ["工程", "改造", "新建", "施工", "园区建设"],
  },
  {
    id: "会议/活动",
    aliases: ["会议", "活动", "会议活动", "会务"],
    keywords: ["会议", "会场", "开工仪式", "开工", "论坛", "展会", "博览会", "庆典", "仪式", "赛事", "年会", "座谈", "观摩", "推介会", "运动会"],
    weak: ["活动"],
  },
  {
    id: "设备购置/租赁",
    aliases: ["设备购置", "设备租赁", "购置", "租赁", "采购"],
    keywords: ["购置", "采购", "租赁", "机械", "器材", "装备", "仪器", "家具"],
    weak: ["设备", "更新", "车辆"],
  },
  {
    id: "培训",
    aliases: ["培训类", "教育培训"],
    keywords: ["培训", "轮训", "研修", "学习班", "讲座", "业务学习", "实训", "培训班"],
  },
  {
    id: "补贴/救助发放",
    aliases: [
      "补贴/救助资金发放（低保/五保/优抚/救灾）",
      "补贴/救助资金发放",
      "补贴",
      "救助",
      "补助发放",
      "低保",
      "救灾",
      "优抚",
    ],
    keywords: ["低保", "五保", "特困", "优抚", "救灾", "救助", "补贴", "补助", "慰问", "抚恤", "困难群众", "残疾人", "高龄", "临时救助", "供养", "孤儿", "资助", "津贴"],
  },
  {
    id: "信息化建设",
    aliases: ["信息化建设/运维", "信息化", "信息系统", "运维"],
    keywords: ["信息化", "软件", "运维", "机房", "智慧", "数字化", "电子政务", "网站", "服务器", "视频监控"],
    weak: ["系统", "平台", "网络", "数据", "监控"],
  },
  {
    id: "招商引资",
    aliases: ["招商"],
    keywords: ["招商", "引资", "签约", "外资", "项目引进", "营商环境", "投资促进"],
    weak: ["投资"],
  },
  {
    id: "安全生产监管",
    aliases: ["安全生产", "安全监管", "应急管理"],
    keywords: ["安全生产", "安全监管", "隐患", "执法", "应急", "消防", "危化", "安全检查", "防汛", "森林防火", "矛盾纠纷"],
  },
  {
    id: "环保/污染治理",
    aliases: ["环保", "污染治理", "生态环境", "环境治理"],
    keywords: ["环保", "污染", "污水", "大气", "扬尘", "降尘", "垃圾", "固废", "监测站", "水质", "秸秆", "禁烧", "河道", "黑臭", "减排"],
    weak: ["治理", "生态", "环境"],
  },
  {
    id: "党务政务/办公运转",
    aliases: ["党务政务", "办公运转", "机关运转", "党建", "政务"],
    keywords: ["党建", "党务", "物业", "公用经费", "档案", "信访", "值班", "后勤", "村级组织", "村干部"],
    weak: ["办公", "运转", "保障经费", "工作经费", "机关", "政务"],
  },
  {
    id: "科技/人才",
    aliases: ["科技", "人才", "科技创新"],
    keywords: ["科技", "研发", "创新", "人才", "专利", "高新", "孵化", "专家", "引才", "博士", "成果转化", "技术攻关"],
  },
  {
    id: "规划建设",
    aliases: ["规划", "规划编制", "城乡规划"],
    keywords: ["规划", "编制", "勘测", "测绘", "国土空间", "村庄规划", "详细规划", "设计方案", "城市设计", "可研"],
  },
  {
    id: "财政管理",
    aliases: ["财政", "财务管理"],
    keywords: ["财政", "国库", "绩效评价", "审计", "会计", "政府采购", "债务", "非税", "代理记账", "专项债"],
    weak: ["资产", "财务", "评审", "预算"],
  },
  {
    id: "农业农村",
    aliases: ["农业", "农村", "乡村振兴", "三农"],
    keywords: ["农业", "种植", "养殖", "农田", "粮食", "乡村振兴", "畜牧", "灌溉", "农机", "耕地", "村集体", "农产品", "动物防疫", "厕所"],
    weak: ["农村", "农民", "水利", "人居环境"],
  },
  {
    id: "教育",
    aliases: ["教育类", "学校"],
    keywords: ["教育", "学校", "学生", "教师", "校舍", "幼儿园", "义务教育", "营养餐", "中小学", "职业教育", "学前", "课后服务", "助学"],
  },
  {
    id: "卫生健康",
    aliases: ["卫生", "医疗卫生", "卫健"],
    keywords: ["卫生", "医疗", "健康", "医院", "疾控", "疫苗", "免疫", "公共卫生", "妇幼", "体检", "卫生院", "村医", "传染病", "计划生育", "家庭医生"],
  },
  {
    id: "社会保障/就业",
    aliases: ["社会保险/基金", "社会保险", "社保", "就业", "社保基金"],
    keywords: ["社保", "养老保险", "医疗保险", "就业", "创业", "职业技能", "公益性岗位", "失业", "养老服务", "社会保险"],
    weak: ["基金", "待遇"],
  },
  {
    id: "课题研究/文字成果",
    aliases: ["研究/文字成果", "研究成果", "课题研究", "文字成果", "调研"],
    keywords: ["课题", "调研", "编纂", "志书", "年鉴", "咨询", "评估报告", "白皮书", "汇编"],
    weak: ["研究"],
  },
  {
    id: "文化旅游/宣传",
    aliases: ["文化旅游", "文化", "旅游", "宣传", "文体"],
    keywords: ["旅游", "文艺", "演出", "图书", "非遗", "体育", "文物", "广播", "电影", "景区", "全民健身", "书屋"],
    weak: ["文化", "宣传"],
  },
];

const TYPE_BY_KEY = new Map<string, string>();
for (const t of PROJECT_TYPES) {
  TYPE_BY_KEY.set(normText(t.id), t.id);
  for (const a of t.aliases) TYPE_BY_KEY.set(normText(a), t.id);
}

/** The canonical type for a written one ("会议" → "会议/活动"), or null when not a known type. */
export function canonicalProjectType(text: string | null | undefined): string | null {
  const k = normText(text);
  if (!k) return null;
  const exact = TYPE_BY_KEY.get(k);
  if (exact) return exact;
  // A unique type whose id starts with the text ("信息" → "信息化建设").
  const starts = PROJECT_TYPES.filter((t) => normText(t.id).startsWith(k));
  return starts.length === 1 ? starts[0].id : null;
}

export interface InferredType {
  type: string;
  /** Sum of keyword weights (name hits count double); higher is more certain. */
  score: number;
  /** Keywords found, for the reason shown to the user. */
  hits: string[];
}

export interface ProjectText {
  projectName?: string | null;
  purpose?: string | null;
  goals?: string | readonly string[] | null;
}

/** Keywords sorted longest first, so that "安全生产" is taken before "生产". */
const KEYWORDS: { type: string; word: string; key: string; weight: number }[] = PROJECT_TYPES.flatMap((t) => [
  ...t.keywords.map((word) => ({ type: t.id, word, key: normText(word), weight: Math.min(normText(word).length, 4) })),
  ...(t.weak ?? []).map((word) => ({ type: t.id, word, key: normText(word), weight: 1 })),
]).sort((a, b) => b.key.length - a.key.length);

/** KEYWORDS positions by the first character of their key: a text is scanned once, not once per keyword. */
const BY_FIRST = new Map<number, number[]>();
KEYWORDS.forEach((k, i) => {
  if (!k.key) return;
  const c = k.key.charCodeAt(0);
  const list = BY_FIRST.get(c);
  if (list) list.push(i);
  else BY_FIRST.set(c, [i]);
});

/** The KEYWORDS (ascending positions) that occur somewhere in the text. */
function keywordsIn(text: string): number[] {
  const found: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const list = BY_FIRST.get(text.charCodeAt(i));
    if (!list) continue;
    for (const n of list) if (!found.includes(n) && text.startsWith(KEYWORDS[n].key, i)) found.push(n);
  }
  return found.length > 1 ? found.sort((a, b) => a - b) : found;
}

function scan(text: string, weight: number, into: Map<string, InferredType>): void {
  let rest = normText(text);
  if (!rest) return;
  // Only keywords found in the text can be found in what is left of it after longer ones are
  // consumed (consuming only removes text), so the longest-first pass runs over those alone.
  for (const n of keywordsIn(rest)) {
    const k = KEYWORDS[n];
    if (!rest.includes(k.key)) continue;
    const cur = into.get(k.type) ?? { type: k.type, score: 0, hits: [] };
    cur.score += weight * k.weight;
    if (!cur.hits.includes(k.word)) cur.hits.push(k.word);
    into.set(k.type, cur);
    // A longer keyword consumes its text, so "安全生产" does not also count as "生产".
    rest = rest.split(k.key).join("|");
  }
}

/**
 * Project types suggested by a text or by a project's name, purpose and goals, best first.
 * The project name weighs twice as much as the purpose and goals. Never returns 通用.
 */
export function inferProjectTypes(input: string | ProjectText): InferredType[] {
  const found = new Map<string, InferredType>();
  if (typeof input === "string") scan(input, 1, found);
  else {
    scan(input.projectName ?? "", 2, found);
    scan(input.purpose ?? "", 1, found);
    const goals = input.goals;
    scan(typeof goals === "string" ? goals : (goals ?? []).join("\n"), 1, found);
  }
  return [...found.values()].sort((a, b) => b.score - a.score || (a.type < b.type ? -1 : 1));
}
