/**
 * Label vocabulary of 绩效目标表: which cell texts are field labels (项目名称, 预算数 …), plan
 * checkpoints (3月底 …) or indicator column headers (一级指标, 指标值 …), with their common variants.
 * Matching is on a normalised key (no spaces, half-width, no trailing colon), anchored, so long
 * value texts never read as labels.
 */
import type { ColumnRole, MoneyUnit, PlanKey } from "../model/schema";
import { moneyUnitOfLabel, toHalfWidth } from "../value/numbers";

/** Kinds of label cells in the top block of a table. */
export type FieldKind =
  | "title"
  | "unitName"
  | "moneyUnit"
  | "projectCode"
  | "projectName"
  | "budgetBlock"
  | "budgetTotal"
  | "budgetFiscal"
  | "budgetOther"
  | "purpose"
  | "plan"
  | "goal"
  /** a 中期/长期 goal (实施期绩效目标, 中期目标, 项目总目标): read only when the table has no annual goal */
  | "goalMid"
  /** a money heading that carries the unit but no amount (项目资金（万元）, 金额（万元）, 全年预算数) */
  | "moneyBlock";

export interface LabelInfo {
  /** A field label of the top block, or null. */
  field: FieldKind | null;
  /** Text after "：" in the same cell ("项目名称：xxx"), when the label carries its value inline. */
  inline: string | null;
  /** Spending-plan checkpoint of a header cell such as "3月底". */
  plan: PlanKey | null;
  /** Indicator column header role, or null when the text is no indicator header. */
  role: ColumnRole | null;
  /** Money unit stated by the label ("单位：元", "预算数（万元）"). */
  unit: MoneyUnit | null;
}

/** Longer texts are values (titles are the longest labels). */
const MAX_LABEL_LENGTH = 100;

const NONE: LabelInfo = Object.freeze({ field: null, inline: null, plan: null, role: null, unit: null });

/** A LabelInfo, always with the same keys in the same order (one object shape for every label). */
function labelInfo(
  field: FieldKind | null,
  inline: string | null,
  plan: PlanKey | null,
  role: ColumnRole | null,
  unit: MoneyUnit | null,
): LabelInfo {
  return { field, inline, plan, role, unit };
}

/** Half-width, no whitespace (incl. U+3000), no required-field star, no trailing colon. */
export function labelKey(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, "").replace(/^\*+/, "").replace(/[:：]+$/, "");
}

/** The key with bracketed parts removed ("指标值（包含数字及文字描述）" → "指标值", "评(计)分标准" → "评分标准"). */
function bareKey(key: string): string {
  return key.replace(/[(（【\[][^)）】\]]*[)）】\]]/g, "").replace(/^(?:[一二三四五六七八九十]+、|\d{1,2}[、.])/, "");
}

/** Indicator column headers. Order matters: the first match wins. */
const ROLE_PATTERNS: [RegExp, ColumnRole][] = [
  [/^一级(指标)?(名称)?$/, "level1"],
  [/^二级(指标)?(名称)?$/, "level2"],
  [/^评价内容$/, "level1"],
  [/^(三级(指标)?(名称)?|(绩效)?指标名称|(具体|绩效)?指标内容?名称|指标)$/, "name"],
  [/^((绩效)?指标(描述|解释|说明|内容|含义))$/, "description"],
  [/^(指标性质|运算符号?|计算符号?|符号|比较符号?|指标值?符号)$/, "op"],
  [/^((年度|绩效|预期|全年)?指标值(及单位|及计量单位)?|(年度|预期|年初|计划)?目标值|指标目标值|计划指标值|预期达到(的)?目标(值)?)$/, "value"],
  [/^(度量单位|计量单位|单位|指标单位|指标值单位)$/, "unit"],
  [/^(指标值(确定|设定)依据|指标值说明|(确定|取值)依据|依据|(绩效|评价|评分|计分|考核)标准|评分规则)$/, "basis"],
  [/^(权重|分值|指标权重|指标分值|权重分值|分值权重)$/, "weight"],
  [/^(指标方向性?|方向)$/, "direction"],
];

/**
 * A scoring-rule header (评分标准, 评(扣)分标准, 计分标准, 评分规则): read as the 依据 column (some
 * forms put 计划标准 / 行业标准 there), unless its cells hold scoring rules (detect.ts).
 */
export function isScoringHeader(text: string): boolean {
  return /^(评|计|扣|评扣|评计)分(标准|规则|办法|方法)$/.test(bareKey(labelKey(text)));
}

/** Role of one indicator-header text, or null when it is not one. */
export function headerRole(text: string): ColumnRole | null {
  return roleOfKey(bareKey(labelKey(text)));
}

function roleOfKey(key: string): ColumnRole | null {
  if (key === "" || key.length > 16) return null;
  for (const [re, role] of ROLE_PATTERNS) if (re.test(key)) return role;
  return null;
}

/**
 * Roles of the cells of an indicator header row, in order. Blank or unknown labels are "ignore";
 * when a role appears twice, the later column is "ignore" (the first one is read).
 */
export function columnRolesFromHeader(labels: string[]): ColumnRole[] {
  const seen = new Set<ColumnRole>();
  return labels.map((label) => {
    const role = headerRole(label ?? "");
    if (!role || role === "ignore" || seen.has(role)) return "ignore";
    seen.add(role);
    return role;
  });
}

const PLAN_MONTHS: Record<string, PlanKey> = { "3": "m3", "6": "m6", "10": "m10", "12": "m12" };

/** "3月底", "3月末", "截至3月底" → m3 etc. (a bare "12月" is a value, not a checkpoint). */
export function planCheckpoint(text: string): PlanKey | null {
  return checkpointOfKey(labelKey(text));
}

function checkpointOfKey(key: string): PlanKey | null {
  const m = /^(?:截至|截止)?(\d{1,2})月(?:底|末)(?:\(%\)|%)?$/.exec(key);
  return m ? (PLAN_MONTHS[String(Number(m[1]))] ?? null) : null;
}

/** Field labels, matched on the key with brackets kept (the unit is read from them first). */
const FIELD_PATTERNS: [RegExp, FieldKind][] = [
  [/^项目(编码|代码|编号)$/, "projectCode"],
  [/^(项目|项目支出|专项资金|专项|二级项目)名称$/, "projectName"],
  [/^(预算单位|单位名称|申报单位|填报单位|预算单位名称|部门(单位)?名称)$/, "unitName"],
  [/^预算(规模)?(及|和|与)?资金用途$/, "budgetBlock"],
  [/^(其中)?[:：]?(本年|当年|当年市级|本级|公共)?财政(性)?(资金|拨款)(预算)?(数)?(小计)?$/, "budgetFiscal"],
  // Grants from above are fiscal money: 其中:中央、省、市补助县级资金, 上级资金, 上级补助资金.
  [/^(其中)?[:：]?((中央|省|市|县|区|上级)[、,，]?)+(财政)?(补助|转移支付)?(县级|市级|本级)?(财政)?资金$/, "budgetFiscal"],
  [/^(其中)?[:：]?(当年)?((其他|其它|其他来源|自筹|自有)资金(预算)?(数)?|其他|其它)$/, "budgetOther"],
  [/^((年度|项目)?预算(数|金额|资金|总额|总金额)|(年度|项目|当年|年度财政|中期|项目中期)?资金(申请)?总额|项目总(预算|金额)|年度资金|预算安排(数)?|项目预算(金额)?|项目金额|当年预算|预算申报数|年度本级预算金额|下达中央预算内投资|年度资金总额及构成|(本年度|年度)申请(市|省|县|区)?财政预算资金|中期(市|省|县|区)?财政预算)$/, "budgetTotal"],
  [/^((项目)?资金(情况|来源)?|预算资金|年度预算安排|项目资金申请|投入目标|预算执行情况|金额|(年初|全年|全年\(程\))预算数)$/, "moneyBlock"],
  [/^(项目)?资金用途$|^(资金)?使用方向$|^项目(资金)?用途$/, "purpose"],
  [/^(资金支出计划|支出计划|用款计划|资金使用计划|资金支付计划|(预算)?支出进度计划|资金支出进度)$/, "plan"],
  [/^((年度|项目|总体|项目年度|本年度|当年)?绩效目标|年度(总体|预期)?(绩效)?(总)?目标|绩效目标内容|总体目标|整体目标|预期目标|年初设定目标|年度|总)$/, "goal"],
  [/^(实施期(绩效)?目标|中期(滚动)?目标|长期目标|中长期目标|项目总目标)$/, "goalMid"],
];

const INLINE_FIELDS: FieldKind[] = ["projectCode", "projectName", "unitName", "budgetTotal", "budgetFiscal", "budgetOther"];

/**
 * Characters a label can start with (every pattern above, half-width). Titles are recognised by
 * their end ("…表"). A cheap first test that keeps value texts away from the regular expressions.
 */
const FIRST_CODES = new Set(
  Array.from("项预单部申填其财公年资支用使绩总金计货截一二三指具运符比度依确取评考权分方目全自年当本专整实中长下投上*0123456789(", (ch) =>
    ch.charCodeAt(0),
  ),
);

/** Cheap pre-test: could the (trimmed) text be a label at all? */
function maybeLabel(text: string): boolean {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (i === text.length) return false;
  const code = text.charCodeAt(i);
  if (FIRST_CODES.has(code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code)) return true;
  let j = text.length - 1;
  while (j > i && isSpace(text.charCodeAt(j))) j--;
  return text.charCodeAt(j) === 0x8868; // 表
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0x3000 || code === 0xa0;
}

/** Classifies one cell text. Cached by the caller; pure. */
export function classifyLabel(text: string): LabelInfo {
  if (text.length === 0 || text.length > MAX_LABEL_LENGTH) return NONE;
  if (!maybeLabel(text)) return NONE;
  const key = labelKey(text);
  if (key.length === 0) return NONE;
  // Titles: "…项目资金绩效目标表", "…绩效目标申报表".
  if (/绩效目标(申报|批复|审核|审批|下达)?表$/.test(key) && key.length >= 6) return labelInfo("title", null, null, null, null);
  const plan = checkpointOfKey(key);
  if (plan) return labelInfo(null, null, plan, null, null);
  const unitLabel = /^(金额|资金|计量|货币)?单位[:：](万元|元)$/.exec(key);
  if (unitLabel) return labelInfo("moneyUnit", null, null, null, unitLabel[2] as MoneyUnit);
  const bare = bareKey(key);
  for (const [re, field] of FIELD_PATTERNS) {
    if (re.test(bare)) return labelInfo(field, null, null, null, field.startsWith("budget") || field === "moneyBlock" ? moneyUnitOfLabel(key) : null);
  }
  // "项目名称：xxx" — a label with its value in the same cell.
  const inline = /^([^:：]{2,8})[:：](.+)$/.exec(text.trim());
  if (inline) {
    const head = bareKey(labelKey(inline[1]));
    for (const [re, field] of FIELD_PATTERNS) {
      if (INLINE_FIELDS.includes(field) && re.test(head)) return labelInfo(field, inline[2].trim(), null, null, null);
    }
  }
  const role = roleOfKey(bare);
  if (role) return labelInfo(null, null, null, role, null);
  return NONE;
}

/** True when the info marks any kind of label (a cell that is never a value). */
export function isLabel(info: LabelInfo): boolean {
  return info.field !== null || info.plan !== null || info.role !== null;
}

/** A per-run cache over classifyLabel: label texts repeat across the tables of a workbook. */
export class LabelCache {
  private readonly map = new Map<string, LabelInfo>();
  get(text: string): LabelInfo {
    if (text.length === 0 || text.length > MAX_LABEL_LENGTH || !maybeLabel(text)) return NONE;
    let info = this.map.get(text);
    if (!info) {
      info = classifyLabel(text);
      if (this.map.size < 50000) this.map.set(text, info);
    }
    return info;
  }
}
