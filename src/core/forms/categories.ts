import type { Form } from "../model/schema";
import { memoText } from "../rules/utils/text";

/**
 * The two category systems (domain.md §a): the Hebei/88号 form with 成本 inside 产出, and the
 * 101号 form with 成本 as a 一级 of its own. Canonical names are the ones written here.
 */
export const FORMS: Record<Form, Record<string, readonly string[]>> = {
  "88": {
    产出指标: ["数量指标", "质量指标", "时效指标", "成本指标"],
    效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
    满意度指标: ["服务对象满意度指标"],
  },
  "101": {
    成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
    产出指标: ["数量指标", "质量指标", "时效指标"],
    效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
    满意度指标: ["服务对象满意度指标"],
  },
};

/** Variants seen in real forms, mapped to canonical names (compared after normalising, see key()). */
const LEVEL1_ALIASES: Record<string, string> = {
  产出: "产出指标",
  项目完成指标: "产出指标",
  产出类指标: "产出指标",
  完成指标: "产出指标",
  效益: "效益指标",
  效果指标: "效益指标",
  项目效益指标: "效益指标",
  效益类指标: "效益指标",
  满意度: "满意度指标",
  满意度类指标: "满意度指标",
  服务对象满意度: "满意度指标",
  成本: "成本指标",
  成本类指标: "成本指标",
  // older and regional names (2019 forms, provincial templates)
  预期产出指标: "产出指标",
  预期产出: "产出指标",
  产出值: "产出指标",
  项目产出指标: "产出指标",
  预期效果指标: "效益指标",
  预期效益指标: "效益指标",
  实施效果指标: "效益指标",
  效果: "效益指标",
  效益值: "效益指标",
  项目效果指标: "效益指标",
  社会公众或服务对象满意度指标: "满意度指标",
  社会公众或服务对象满意度: "满意度指标",
  服务对象满意度指标: "满意度指标",
  满意度值: "满意度指标",
  项目成本指标: "成本指标",
};

const LEVEL2_ALIASES: Record<string, string> = {
  数量: "数量指标",
  产出数量: "数量指标",
  产出数量指标: "数量指标",
  质量: "质量指标",
  产出质量: "质量指标",
  产出质量指标: "质量指标",
  时效: "时效指标",
  产出时效: "时效指标",
  产出时效指标: "时效指标",
  进度指标: "时效指标",
  成本: "成本指标",
  产出成本: "成本指标",
  产出成本指标: "成本指标",
  // 2019 Guangdong forms: 预算(或投资规模)控制指标, the cost 二级 of 产出
  预算控制指标: "成本指标",
  经济效益: "经济效益指标",
  社会效益: "社会效益指标",
  生态效益: "生态效益指标",
  环境效益: "生态效益指标",
  环境效益指标: "生态效益指标",
  生态环境效益指标: "生态效益指标",
  可持续影响: "可持续影响指标",
  可持续发展指标: "可持续影响指标",
  可持续影响力指标: "可持续影响指标",
  可持续性: "可持续影响指标",
  可持续性指标: "可持续影响指标",
  服务对象满意度: "服务对象满意度指标",
  社会公众或服务对象满意度指标: "服务对象满意度指标",
  社会公众或服务对象满意度: "服务对象满意度指标",
  社会公众满意度指标: "服务对象满意度指标",
  满意度指标: "服务对象满意度指标",
  满意度: "服务对象满意度指标",
  经济成本: "经济成本指标",
  社会成本: "社会成本指标",
  生态环境成本: "生态环境成本指标",
  生态成本指标: "生态环境成本指标",
  环境成本指标: "生态环境成本指标",
};

/**
 * Strips what a form prints around a category name: spaces, markers (★), numbering ("一、", "1.",
 * "（一）"), bracketed parts and scores ("（50分）", "(0-30)分", " 30分", "30%"), trailing colons, and
 * a trailing 等 a template prints after a name ("服务对象满意度指标等"). Memoised: the same few labels
 * recur on every row of every table.
 */
export const categoryKey: (text: string) => string = memoText((text: string): string =>
  text
    .replace(/\s+/g, "")
    .replace(/^[★☆※*＊]+/, "")
    .replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]+/, "")
    .replace(/[（(【\[].*?[)）】\]]/g, "")
    .replace(/[:：]+$/, "")
    .replace(/(?<=指标)等$/, "")
    .replace(/[-－~]?\d+(?:\.\d+)?(?:分|%|％)$/, "")
    .replace(/[:：]+$/, "")
    .replace(/分$/, (m, i: number, str: string) => (str.endsWith("指标分") ? "" : m)),
);

const ALL_LEVEL1 = new Set(Object.values(FORMS).flatMap((f) => Object.keys(f)));
const ALL_LEVEL2 = new Set(Object.values(FORMS).flatMap((f) => Object.values(f).flat()));

/** An alias map's own entry (never an Object.prototype member such as "valueOf"), or null. */
function own(map: Record<string, string>, k: string): string | null {
  return Object.prototype.hasOwnProperty.call(map, k) ? map[k] : null;
}

/** Canonical 一级 name for a text, in either form, or null. */
export function canonicalLevel1(text: string | null): string | null {
  if (!text) return null;
  const k = categoryKey(text);
  if (ALL_LEVEL1.has(k)) return k;
  return own(LEVEL1_ALIASES, k);
}

/** Canonical 二级 name for a text, in either form, or null. */
export function canonicalLevel2(text: string | null): string | null {
  if (!text) return null;
  const k = categoryKey(text);
  if (ALL_LEVEL2.has(k)) return k;
  return own(LEVEL2_ALIASES, k) ?? mergedLevel2(k);
}

function level2OfKey(k: string): string | null {
  return ALL_LEVEL2.has(k) ? k : own(LEVEL2_ALIASES, k);
}

/**
 * A merged 二级 label a form prints over several kinds ("社会、经济、生态效益指标", "数量/质量指标"):
 * read as the first kind named, when every part names a 二级 of the same 一级.
 */
function mergedLevel2(k: string): string | null {
  const parts = k.split(/[、/，,和及与]/).filter((p) => p !== "");
  if (parts.length < 2) return null;
  const last = parts[parts.length - 1];
  const lastCanon = level2OfKey(last);
  if (lastCanon === null) return null;
  const suffix = ["效益指标", "成本指标", "指标", "效益", "成本"].find((x) => last.endsWith(x)) ?? "";
  const canons = parts.map((p, i) => (i === parts.length - 1 ? lastCanon : (level2OfKey(p) ?? level2OfKey(p + suffix))));
  if (canons.some((c) => c === null)) return null;
  const l1 = level1OfLevel2(canons[0] as string);
  if (canons.some((c) => level1OfLevel2(c as string) !== l1)) return null;
  return canons[0];
}

/**
 * The 一级 a 二级 belongs to ("数量指标" → 产出指标, "经济成本指标" → 成本指标): what a blank 一级
 * cell above or beside it means. 成本指标 as a 二级 belongs to 产出指标 (88号).
 */
export function level1OfLevel2(level2: string): string | null {
  for (const form of ["88", "101"] as const) {
    for (const [l1, l2s] of Object.entries(FORMS[form])) if (l2s.includes(level2)) return l1;
  }
  return null;
}

/**
 * The 一级 a row's 二级 cell names when that cell holds a 一级 category instead of a 二级 (实施效果指标 ›
 * 产出指标 / 效益指标: the categories sit one column too far right), else null. 成本指标 and 满意度指标
 * are 二级 names too and never count as shifted.
 */
export function shiftedLevel1(row: { level2: { raw: string | null } }): string | null {
  const t = row.level2.raw;
  if (!t || canonicalLevel2(t) !== null) return null;
  return canonicalLevel1(t);
}

/** Short forms that are ordinary ways of writing a category, not worth a note ("数量" for 数量指标). */
const PLAIN: ReadonlySet<string> = new Set(["满意度指标", "满意度", "服务对象满意度", "成本指标"]);

/**
 * Why a category label is not written in the standard way, or null when it is (or is unknown):
 * "score" ("产出指标（50分）"), "numbering" ("一、产出指标"), "marker" ("★产出指标"), "note" (a
 * template's note in brackets: "数量指标 (必填硬性指标)", "经济效益指标（选填）"), "merged"
 * ("社会、经济、生态效益指标") or "alias" (an older or regional name: 预期产出指标, 效果指标).
 */
export function labelNote(text: string | null, level: 1 | 2): "score" | "numbering" | "marker" | "note" | "merged" | "alias" | null {
  if (!text) return null;
  const t = text.replace(/\s+/g, "");
  const canonical = level === 1 ? canonicalLevel1(t) : canonicalLevel2(t);
  if (canonical === null) return null;
  if (/^[★☆※*＊]/.test(t)) return "marker";
  if (/^[（(]?[一二三四五六七八九十\d]+[)）、.．]/.test(t)) return "numbering";
  if (/\d(?:\.\d+)?(?:分|%|％)|[（(]\d/.test(t)) return "score";
  if (/[（(【[][^)）】\]]+[)）】\]]/.test(t)) return "note";
  const k = categoryKey(t);
  if (k === canonical || `${k}指标` === canonical || PLAIN.has(k)) return null;
  if (level === 2 && /[、/，,和及与]/.test(k) && mergedLevel2(k) !== null) return "merged";
  return "alias";
}

/** The 二级 allowed under a 一级 in a form (empty when the 一级 is not part of the form). */
export function level2Of(form: Form, level1: string): readonly string[] {
  return FORMS[form][level1] ?? [];
}

/** Does the 二级 belong to the 一级 in this form? The 88 ↔ 101 cost mapping counts as belonging. */
export function belongs(form: Form, level1: string, level2: string): boolean {
  return level2Of(form, level1).includes(level2);
}

/** Which form a table follows, from its canonical categories. */
export function inferForm(level1s: (string | null)[], level2s: (string | null)[]): { form: Form; reason: string } {
  if (level1s.includes("成本指标")) return { form: "101", reason: "level1-cost" };
  if (level2s.some((l) => l === "经济成本指标" || l === "社会成本指标" || l === "生态环境成本指标"))
    return { form: "101", reason: "level2-cost-kind" };
  if (level2s.includes("成本指标")) return { form: "88", reason: "cost-under-output" };
  return { form: "88", reason: "default" };
}
