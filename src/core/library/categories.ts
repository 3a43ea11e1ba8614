/**
 * Category equivalence between the 88 and 101 forms, the searchable keys of an entry and stable ids.
 * No zod here (schema.ts re-exports all of it): the nonstandard-wording rule and the search use these
 * in the task pane's initial JavaScript, where the library's zod schemas are not needed.
 */
import { canonicalLevel1, canonicalLevel2, FORMS } from "../forms/categories";
import type { Form } from "../model/schema";
import { normText } from "../rules/utils/text";
import type { LibraryEntry } from "./schema";
import { keyText } from "./text";

// ---------------------------------------------------------------------------------------------
// Categories

/** The 一级 a 二级 belongs to (either form); 成本指标 as a 二级 is the 88 form's 产出/成本. */
export function level1OfLevel2(level2: string): string | null {
  for (const form of ["88", "101"] as const)
    for (const [l1, l2s] of Object.entries(FORMS[form])) if (l2s.includes(level2)) return l1;
  return null;
}

/** Does a 二级 belong to a 一级 in either form? */
export function belongsEither(level1: string, level2: string): boolean {
  return (["88", "101"] as const).some((f) => (FORMS[f][level1] ?? []).includes(level2));
}

/** 二级 that mean the same in the two forms: 88's 产出/成本指标 is 101's 成本/经济成本指标. */
export function level2Class(level2: string | null | undefined): string | null {
  if (!level2) return null;
  return level2 === "经济成本指标" ? "成本指标" : level2;
}

/** Is an entry's 二级 the same category as a (row's or filter's) 二级, across the forms? */
export function sameLevel2(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && level2Class(a) === level2Class(b);
}

/** Is an entry's category inside a 一级, across the forms (成本指标 covers 88's 产出/成本)? */
export function inLevel1(entry: Pick<LibraryEntry, "level1" | "level2">, level1: string): boolean {
  if (entry.level1 === level1) return true;
  if (level1 === "成本指标") return entry.level2 === "成本指标";
  if (level1 === "产出指标") return entry.level2 === "经济成本指标";
  return false;
}

/**
 * The 一级/二级 an entry takes in a table of the given form: 88's 产出/成本 becomes 101's
 * 成本/经济成本 and back. 社会成本/生态环境成本 have no place in the 88 form: null.
 */
export function entryCategoryFor(entry: Pick<LibraryEntry, "level1" | "level2">, form: Form): { level1: string; level2: string } | null {
  const { level1, level2 } = entry;
  if (form === "101" && level1 === "产出指标" && level2 === "成本指标") return { level1: "成本指标", level2: "经济成本指标" };
  if (form === "88" && level1 === "成本指标") return level2 === "经济成本指标" ? { level1: "产出指标", level2: "成本指标" } : null;
  return (FORMS[form][level1] ?? []).includes(level2) ? { level1, level2 } : null;
}

/** Canonical 一级/二级 for written ones (either may be missing: the 一级 follows from the 二级). */
export function resolveCategory(level1Text: string | null, level2Text: string | null): { level1: string; level2: string } | { error: "badLevel2" | "badLevel1" | "levelMismatch" } {
  const l2 = canonicalLevel2(level2Text);
  if (l2 === null) return { error: "badLevel2" };
  const l1Written = level1Text && level1Text.trim() ? canonicalLevel1(level1Text) : null;
  if (level1Text && level1Text.trim() && l1Written === null) return { error: "badLevel1" };
  if (l1Written === null) {
    const l1 = level1OfLevel2(l2);
    return l1 ? { level1: l1, level2: l2 } : { error: "badLevel2" };
  }
  if (belongsEither(l1Written, l2)) return { level1: l1Written, level2: l2 };
  // 一级 成本指标 with 二级 成本指标 (101 table with an 88 二级): the 101 economic cost.
  if (l1Written === "成本指标" && l2 === "成本指标") return { level1: "成本指标", level2: "经济成本指标" };
  return { error: "levelMismatch" };
}

// ---------------------------------------------------------------------------------------------
// Keys and ids

/**
 * The names of an entry, normalised (normText), standard wordings first: the name with its optional
 * "（…）" parts kept and dropped ("项目工程验收合格率", "项目验收合格率"), then the aliases. Pinyin
 * is precomputed for exactly these keys, in this order.
 */
export function entryKeys(entry: Pick<LibraryEntry, "name" | "aliases">): { keys: string[]; standard: number } {
  const out: string[] = [];
  const add = (s: string) => {
    const k = keyText(s);
    if (k && !out.includes(k)) out.push(k);
  };
  add(entry.name);
  add(entry.name.replace(/[（(][^）)]*[）)]/g, ""));
  // "路灯（照明设施）安装数量": the bracketed word may replace the one before it.
  const m = /^(.*?)([\u4e00-\u9fff]{2})[（(]([^）)]+)[）)](.*)$/.exec(entry.name);
  if (m && !/[、/]/.test(m[3])) add(m[1] + m[3] + m[4]);
  const standard = out.length;
  for (const a of entry.aliases) add(a);
  return { keys: out, standard };
}

/** FNV-1a 32-bit hash in base 36: short stable ids from an entry's identity. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, "0");
}

/** The identity of an entry for duplicates and merging: normalised name + 二级 class. */
export function identityKey(entry: Pick<LibraryEntry, "name" | "level2">): string {
  return `${level2Class(entry.level2)}|${normText(entry.name)}`;
}

/** A stable id from the entry's identity and its first type, in a namespace ("b" built-in, "c" custom). */
export function makeEntryId(ns: string, entry: Pick<LibraryEntry, "name" | "level2" | "types">): string {
  return `${ns}:${shortHash(`${identityKey(entry)}|${entry.types[0] ?? ""}`)}`;
}
