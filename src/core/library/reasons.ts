/** Renders search reasons and the headings of context suggestions (SearchResult.reasons) in a language, from the catalogs (cli.library.reason). */
import { t, type Locale } from "../messages";
import type { ContextGroup, TableContext } from "./context";
import type { Reason } from "./search";

export function reasonText(reasons: readonly Reason[], locale: Locale): string {
  return reasons.map((r) => t(locale, `cli.library.reason.${r.code}`, r.data ?? {})).join(locale === "en" ? "; " : "；");
}

/** The inferred project type and why ("项目类型：会议/活动（项目信息含“会场、开工”）"), or the note that none was found. */
export function contextTypeText(ctx: TableContext, locale: Locale): string {
  return ctx.type
    ? t(locale, "cli.library.context.type", { type: ctx.type.type, hits: ctx.type.hits.join(locale === "en" ? ", " : "、") })
    : t(locale, "cli.library.context.noType");
}

/** A group's heading: its reason ("本表缺少数量指标（产出）") and the project type its entries suit. */
export function contextGroupText(group: ContextGroup, locale: Locale): string {
  const r = group.reason;
  const why =
    r.code === "typeFit"
      ? t(locale, "cli.library.context.typeFit", { type: group.type ?? "" })
      : r.code === "missing"
        ? t(locale, "cli.library.context.missing", { category: r.category, block: r.block })
        : t(locale, "cli.library.context.processOnly", { category: r.category, block: r.block, names: r.names.join(locale === "en" ? ", " : "、") });
  if (r.code === "typeFit") return why;
  return `${why}${t(locale, group.type ? "cli.library.context.forType" : "cli.library.context.forGeneral", { type: group.type ?? "" })}`;
}
