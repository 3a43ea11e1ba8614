/** Renders search reasons (SearchResult.reasons) in a language, from the catalogs (cli.library.reason). */
import { t, type Locale } from "../messages";
import type { Reason } from "./search";

export function reasonText(reasons: readonly Reason[], locale: Locale): string {
  return reasons.map((r) => t(locale, `cli.library.reason.${r.code}`, r.data ?? {})).join(locale === "en" ? "; " : "；");
}
