/** The pane's language: zh-CN by default, English when Office's display language is English. */
import { createContext, useContext } from "react";
import { t, type Locale } from "../core/messages";

export function localeFromDisplayLanguage(lang: string | null | undefined): Locale {
  return typeof lang === "string" && /^en\b|^en[-_]/i.test(lang.trim()) ? "en" : "zh-CN";
}

export { officeDisplayLanguage } from "../excel/host";

export const LocaleContext = createContext<Locale>("zh-CN");

export type Translate = (key: string, data?: Record<string, string | number>) => string;

/** A text of the pane by key under ui.pane (e.g. "tables.detect"). */
export function paneText(locale: Locale, key: string, data: Record<string, string | number> = {}): string {
  return t(locale, `ui.pane.${key}`, data);
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  const locale = useContext(LocaleContext);
  return (key, data) => paneText(locale, key, data);
}

/** A bilingual text in the pane's language. */
export function pick(locale: Locale, text: { zh: string; en: string }): string {
  return locale === "en" ? text.en : text.zh;
}
