import { zhCN } from "./zh-CN";
import { en } from "./en";

export type Locale = "zh-CN" | "en";
export type Catalog = typeof zhCN;

export const CATALOGS: Record<Locale, Catalog> = { "zh-CN": zhCN, en };

/** Replaces {name} placeholders with data values. */
export function interpolate(template: string, data: Record<string, string | number>): string {
  // The template split once into literal / placeholder parts: [text, key, text, key, text …].
  let parts = COMPILED.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    if (COMPILED.size >= 2000) COMPILED.clear();
    COMPILED.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i];
    out += (k in data ? String(data[k]) : `{${k}}`) + parts[i + 1];
  }
  return out;
}
const COMPILED = new Map<string, string[]>();

export function formatMessage(
  locale: Locale,
  ruleId: string,
  messageId: string,
  data: Record<string, string | number> = {},
): string {
  const rules = CATALOGS[locale].rules as Record<string, { messages: Record<string, string> }>;
  const template = rules[ruleId]?.messages[messageId];
  if (template === undefined) throw new Error(`no ${locale} message for ${ruleId}/${messageId}`);
  return interpolate(template, data);
}

/** Title and basis of a rule, for reports and the task pane. */
export function ruleText(locale: Locale, ruleId: string): { title: string; basis: string } {
  const r = (CATALOGS[locale].rules as Record<string, { title: string; basis: string }>)[ruleId];
  return { title: r?.title ?? ruleId, basis: r?.basis ?? "" };
}

/** A UI / CLI string by dotted key, e.g. t("en", "cli.summary"). */
export function t(locale: Locale, key: string, data: Record<string, string | number> = {}): string {
  let node: unknown = CATALOGS[locale];
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== "string") throw new Error(`no ${locale} text for ${key}`);
  return interpolate(node, data);
}
