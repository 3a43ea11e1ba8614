/**
 * Profile parameters as a person types them (CLI options, the pane's fields): strings or numbers,
 * full-width digits allowed. Turns them into a PlanProfile or throws PlanError.
 *
 *   milestones  "2024-03:30,2024-09:60,2024-12:10"   shares in percent (must add up to 100)
 *               "2024-03:90万,2024-09:180万,2024-12:30万"  amounts (元 / 万元 / 万)
 *               dates: 2024-03, 2024/3, 2024.3, 2024-03-15, 2024年3月, 2024年3月15日, 3月, 3
 *               items separated by "," "，" ";" "；" or new lines
 *   monthly     twelve numbers, separated by commas, semicolons or spaces
 */
import type { MoneyUnit } from "../model/schema";
import { toHalfWidth } from "../value/numbers";
import { PlanError } from "./errors";
import { PROFILE_KINDS, type Milestone, type PlanProfile, type ProfileKind } from "./types";

export interface PlanParams {
  profile: string | null | undefined;
  start?: string | number | null;
  end?: string | number | null;
  milestones?: string | null;
  monthly?: string | null;
  month?: string | number | null;
  /** Budget year for milestones (default: the earliest year written on a milestone). */
  year?: string | number | null;
}

export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** An integer typed as text or number; null when it is not one. */
export function parseIntParam(v: string | number): number | null {
  if (typeof v === "number") return Number.isInteger(v) ? v : null;
  const t = toHalfWidth(v).trim().replace(/月$/, "");
  return /^[+-]?\d+$/.test(t) ? Number(t) : null;
}

function monthParam(v: string | number | null | undefined, dflt: number, key: "startRange" | "endRange" | "monthRange", max: number): number {
  if (blank(v)) return dflt;
  const n = parseIntParam(v as string | number);
  if (n === null || n < 1 || n > max) throw new PlanError(key, { value: String(v).trim() });
  return n;
}

export function parseYear(v: string | number): number {
  const n = parseIntParam(v);
  if (n === null || n < YEAR_MIN || n > YEAR_MAX) throw new PlanError("badYear", { value: String(v).trim() });
  return n;
}

const ITEM_RE =
  /^(?:(\d{4})\s*(?:[-/.]|年)\s*)?(\d{1,2})\s*(?:月\s*(?:\d{1,2}\s*日)?|[-/.]\s*\d{1,2}\s*日?)?\s*[:：=]\s*(\d+(?:\.\d+)?|\.\d+)\s*(%|百分比|万元|万|元)?$/;

/** Parses a milestone list; throws PlanError on the first bad item. */
export function parseMilestones(text: string): Milestone[] {
  const items = toHalfWidth(text)
    .split(/[,;，；\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new PlanError("milestonesMissing");
  return items.map((item) => {
    const m = ITEM_RE.exec(item);
    if (!m) throw new PlanError("milestoneBad", { item });
    const year = m[1] !== undefined ? Number(m[1]) : null;
    if (year !== null && (year < YEAR_MIN || year > YEAR_MAX)) throw new PlanError("milestoneYear", { item });
    const month = Number(m[2]);
    if (month < 1 || month > 12) throw new PlanError("milestoneBad", { item });
    const suffix = m[4];
    const unit: Milestone["unit"] =
      suffix === undefined || suffix === "%" || suffix === "百分比" ? "%" : suffix === "元" ? "元" : ("万元" as MoneyUnit);
    return { year, month, value: Number(m[3]), unit };
  });
}

/** Parses twelve monthly amounts. */
export function parseMonthly(text: string): number[] {
  const items = toHalfWidth(text)
    .split(/[,;，；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new PlanError("monthlyMissing");
  const out = items.map((item) => {
    if (!/^(\d+(?:\.\d+)?|\.\d+)$/.test(item)) throw new PlanError("monthlyBad", { item });
    return Number(item);
  });
  if (out.length !== 12) throw new PlanError("monthlyCount", { n: out.length });
  return out;
}

export function isProfileKind(s: string): s is ProfileKind {
  return (PROFILE_KINDS as readonly string[]).includes(s);
}

/** Builds a profile from typed parameters; parameters other profiles use are ignored. */
export function profileFromParams(p: PlanParams): PlanProfile {
  if (blank(p.profile)) throw new PlanError("profileMissing", { valid: PROFILE_KINDS.join("|") });
  const kind = String(p.profile).trim();
  if (!isProfileKind(kind)) throw new PlanError("profileUnknown", { value: kind, valid: PROFILE_KINDS.join("|") });
  switch (kind) {
    case "even":
    case "front":
    case "back": {
      const start = monthParam(p.start, 1, "startRange", 12);
      const end = monthParam(p.end, 12, "endRange", 24);
      if (start > end) throw new PlanError("startAfterEnd", { start, end });
      return { kind, start, end };
    }
    case "once":
      if (blank(p.month)) throw new PlanError("monthMissing");
      return { kind, month: monthParam(p.month, 0, "monthRange", 12) };
    case "monthly":
      if (blank(p.monthly)) throw new PlanError("monthlyMissing");
      return { kind, amounts: parseMonthly(p.monthly as string) };
    case "milestones": {
      if (blank(p.milestones)) throw new PlanError("milestonesMissing");
      const milestones = parseMilestones(p.milestones as string);
      return blank(p.year) ? { kind, milestones } : { kind, milestones, budgetYear: parseYear(p.year as string | number) };
    }
  }
}
