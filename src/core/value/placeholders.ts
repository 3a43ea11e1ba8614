import { toHalfWidth } from "./numbers";

/**
 * Template text left in a cell: "XX", "××", "**", "＿＿", "○○", "某某", and bracketed hints that hold
 * one ("(≥**人)"). A single "*" or "★" before a name is a marker of a core indicator, not a placeholder.
 */
const TOKEN_RE = /…+|\.{3,}|\*{2,}|[Xx]{2,}|×{2,}|_{2,}|＿{2,}|○{2,}|□{2,}|某某|(?<![A-Za-z])[Xx](?![A-Za-z])/g;
const BRACKETED_RE = /[(（][^()（）]*?(?:\*{2,}|[Xx]{2,}|×{2,}|_{2,}|＿{2,}|○{2,}|□{2,}|某某)[^()（）]*?[)）]/g;

/**
 * A character every placeholder holds, before or after toHalfWidth (＊ → *, Ｘ → X, ＿ → _, ． → .):
 * most cells hold none, and are answered without the two regular expressions (this function runs on
 * every name, value and goal of every table, several times per check).
 */
const MAYBE_PLACEHOLDER = /[…*Xx×_○□某＊Ｘｘ＿]|[.．]{3}/;

/**
 * The placeholders written in a text, as written (full-width kept), in order ("≥**人" → ["**"]); empty when none. In a
 * 指标值 a lone X standing for the number counts too ("≥X%"); in a name it does not ("X光机").
 */
export function findPlaceholders(text: string | null | undefined, where: "value" | "name" = "value"): string[] {
  if (!text || !MAYBE_PLACEHOLDER.test(text)) return [];
  // toHalfWidth maps character for character, so offsets in `t` are offsets in `text`.
  const t = toHalfWidth(text);
  const found: { at: number; token: string }[] = [];
  for (const m of t.matchAll(BRACKETED_RE)) found.push({ at: m.index ?? 0, token: text.slice(m.index, (m.index ?? 0) + m[0].length) });
  const rest = t.replace(BRACKETED_RE, (m) => " ".repeat(m.length));
  for (const m of rest.matchAll(TOKEN_RE)) {
    // An ellipsis is a placeholder only as a value; in a name or a goal it is prose.
    if (where === "name" && /^[….]/.test(m[0])) continue;
    // A lone X is a placeholder only where a number belongs ("≥X%", "X人"), never in a word.
    if (/^[Xx]$/.test(m[0]) && (where === "name" || !/^[\s≥≤=<>~\-]*[Xx][\s%‰\u4e00-\u9fff]*$/.test(rest.trim()))) continue;
    found.push({ at: m.index ?? 0, token: text.slice(m.index, (m.index ?? 0) + m[0].length) });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.token);
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
