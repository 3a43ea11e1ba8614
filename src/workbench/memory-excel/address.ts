/**
 * Address helpers for the in-memory Excel: A1 parsing including whole rows ("5:6") and whole
 * columns ("A:C"), sheet-qualified rendering as Excel returns it ("Sheet1!A1:B2", "'My sheet'!A1").
 * Pure TS, no Node or DOM APIs.
 */
import { RangeBox, colToLetters, lettersToCol, splitSheetAddress } from "../../core/grid/a1";

export const MAX_ROW = 1048575; // 0-based last row
export const MAX_COL = 16383; // 0-based last column (XFD)

/** Parses "A1", "A1:B2", "$A$1:$B$2", "5:6", "A:C", optionally with a sheet part. */
export function parseBox(ref: string): RangeBox | null {
  const { address } = splitSheetAddress(ref.trim());
  const parts = address.split(":");
  if (parts.length > 2) return null;
  const ends = parts.map(parseEnd);
  if (ends.some((e) => e === null)) return null;
  const a = ends[0]!;
  const b = ends.length === 2 ? ends[1]! : a;
  if (a.kind !== b.kind) return null;
  if (a.kind === "cell" || b.kind === "cell") {
    return box(a.row!, a.col!, b.row!, b.col!);
  }
  if (a.kind === "row") return box(a.row!, 0, b.row!, MAX_COL);
  return box(0, a.col!, MAX_ROW, b.col!);
}

function box(r1: number, c1: number, r2: number, c2: number): RangeBox {
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

function parseEnd(s: string): { kind: "cell" | "row" | "col"; row?: number; col?: number } | null {
  const t = s.trim();
  let m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(t);
  if (m) return { kind: "cell", row: Number(m[2]) - 1, col: lettersToCol(m[1]) };
  m = /^\$?(\d{1,7})$/.exec(t);
  if (m) return { kind: "row", row: Number(m[1]) - 1 };
  m = /^\$?([A-Za-z]{1,3})$/.exec(t);
  if (m) return { kind: "col", col: lettersToCol(m[1]) };
  return null;
}

/** Relative A1 text of a box: "A1", "A1:B2", "5:6" for whole rows, "A:C" for whole columns. */
export function boxToA1(b: RangeBox, absolute = false): string {
  const d = absolute ? "$" : "";
  if (b.left === 0 && b.right === MAX_COL) return `${d}${b.top + 1}:${d}${b.bottom + 1}`;
  if (b.top === 0 && b.bottom === MAX_ROW) return `${d}${colToLetters(b.left)}:${d}${colToLetters(b.right)}`;
  const a = `${d}${colToLetters(b.left)}${d}${b.top + 1}`;
  if (b.top === b.bottom && b.left === b.right) return a;
  return `${a}:${d}${colToLetters(b.right)}${d}${b.bottom + 1}`;
}

/** Sheet name as Excel writes it in an address: quoted when it holds anything but letters, digits, _ and . */
export function quoteSheet(name: string): string {
  if (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, b: RangeBox, absolute = false): string {
  return `${quoteSheet(sheet)}!${boxToA1(b, absolute)}`;
}

export function intersects(a: RangeBox, b: RangeBox): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function intersection(a: RangeBox, b: RangeBox): RangeBox | null {
  if (!intersects(a, b)) return null;
  return {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
}

export function containsBox(outer: RangeBox, inner: RangeBox): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}
