import { toHalfWidth } from "./numbers";

/**
 * Template text left in a cell: "XX", "××", "**", "＿＿", "○○", "某某", and bracketed hints that hold
 * one ("(≥**人)"). A single "*" or "★" before a name is a marker of a core indicator, not a placeholder.
 */
const TOKEN_RE = /…+|\.{3,}|\*{2,}|[Xx]{2,}|×{2,}|_{2,}|＿{2,}|○{2,}|□{2,}|某某|(?<![A-Za-z])[Xx](?![A-Za-z])/g;
const BRACKETED_RE = /[(（][^()（）]*?(?:\*{2,}|[Xx]{2,}|×{2,}|_{2,}|＿{2,}|○{2,}|□{2,}|某某)[^()（）]*?[)）]/g;

/**
 * The placeholders written in a text, as written, in order ("≥**人" → ["**"]); empty when none. In a
 * 指标值 a lone X standing for the number counts too ("≥X%"); in a name it does not ("X光机").
 */
export function findPlaceholders(text: string | null | undefined, where: "value" | "name" = "value"): string[] {
  if (!text) return [];
  const t = toHalfWidth(text);
  const out: string[] = [];
  for (const m of t.matchAll(BRACKETED_RE)) out.push(m[0]);
  const rest = t.replace(BRACKETED_RE, " ");
  for (const m of rest.matchAll(TOKEN_RE)) {
    // A lone X is a placeholder only next to a number's neighbours ("≥X%", "X人"), never in a word.
    // An ellipsis is a placeholder only as a value; in a name or a goal it is prose.
    if (where === "name" && /^[….]/.test(m[0])) continue;
    if (m[0].length === 1 && (where === "name" || !/^[\s≥≤=<>~\-]*[Xx][\s%‰\u4e00-\u9fff]*$/.test(rest.trim()))) continue;
    out.push(m[0]);
  }
  return out;
}

/** The text with its placeholders (and bracketed hints holding one) removed and trimmed. */
export function withoutPlaceholders(text: string): string {
  return toHalfWidth(text)
    .replace(BRACKETED_RE, "")
    .replace(/…+|\.{3,}|\*{2,}|[Xx]{2,}|×{2,}|_{2,}|＿{2,}|○{2,}|□{2,}|某某/g, "")
    .trim();
}

/** Markers of a core indicator written before its name: ★ ☆ ※ * ＊ (one or more). */
const MARKER_RE = /^[\s★☆※*＊]+/;

/** The name without a leading core-indicator marker ("★培训人数" → "培训人数"); the text itself otherwise. */
export function stripMarker(name: string): string {
  if (!MARKER_RE.test(name)) return name;
  const rest = name.replace(MARKER_RE, "");
  return rest === "" ? name : rest;
}

/** True when the name starts with a core-indicator marker. */
export function hasMarker(name: string | null | undefined): boolean {
  return !!name && MARKER_RE.test(name) && name.replace(MARKER_RE, "") !== "";
}
