/**
 * A file that could not be checked, as a FileResult with its reason in the report language. Kept
 * apart from check.ts so that the main thread of `jixiao check` (which only plans, collects and
 * prints) does not load the readers.
 */
import { t, type Locale } from "../core/messages";
import type { ReadFailure } from "./files";
import type { FileResult } from "./report";

/** The report-language message for a read failure: the file's name is added by the formatter. */
export function failureMessage(f: ReadFailure, locale: Locale): string {
  const detail = f.detail === undefined ? "" : f.detailIsKey ? t(locale, `cli.sniff.${f.detail}`) : f.detail;
  return t(locale, `cli.readError.${f.code}`, { detail });
}

export function failedResult(file: string, f: ReadFailure, locale: Locale): FileResult {
  return { file, error: { code: f.code, message: failureMessage(f, locale) }, tables: [], issues: [] };
}
