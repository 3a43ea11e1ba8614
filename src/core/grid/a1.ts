/**
 * A1-style addresses, the one implementation for the engine, the Office adapter, the pane and the
 * in-memory Excel. Rows and columns are 0-based in code, 1-based / lettered in A1 text.
 */

/** The last row and column of a worksheet, 0-based (row 1,048,576; column XFD). */
export const LAST_ROW = 1048575;
export const LAST_COL = 16383;

export function colToLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "F11" for row 10, col 5. */
export function toA1(row: number, col: number): string {
  return colToLetters(col) + String(row + 1);
}

export interface CellPos {
  row: number;
  col: number;
}

export interface RangeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** Parses "F11" or "$F$11" (no sheet part). Returns null when malformed. */
export function parseA1(a1: string): CellPos | null {
  const m = CELL_RE.exec(a1.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: lettersToCol(m[1]) };
}

/** Parses "A1:G20", "A1" or "Sheet1!A1:G20" / "'My sheet'!A1" (the sheet part is dropped). */
export function parseRange(ref: string): RangeBox | null {
  const bang = ref.lastIndexOf("!");
  const body = bang >= 0 ? ref.slice(bang + 1) : ref;
  const [a, b] = body.split(":");
  const p = parseA1(a);
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Parses "A1", "A1:B2", "$A$1:$B$2", whole rows "5:6" and whole columns "A:C", with or without a sheet part. */
export function parseBox(ref: string): RangeBox | null {
  const { address } = splitSheetAddress(ref.trim());
  const parts = address.split(":");
  if (parts.length > 2) return null;
  const ends = parts.map(parseEnd);
  const a = ends[0];
  const b = ends.length === 2 ? ends[1] : a;
  if (!a || !b || a.kind !== b.kind) return null;
  if (a.kind === "row") return box(a.row, 0, b.row, LAST_COL);
  if (a.kind === "col") return box(0, a.col, LAST_ROW, b.col);
  return box(a.row, a.col, b.row, b.col);
}

function box(r1: number, c1: number, r2: number, c2: number): RangeBox {
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

function parseEnd(s: string): { kind: "cell" | "row" | "col"; row: number; col: number } | null {
  const t = s.trim();
  const cell = parseA1(t);
  if (cell) return { kind: "cell", ...cell };
  let m = /^\$?(\d{1,7})$/.exec(t);
  if (m) return { kind: "row", row: Number(m[1]) - 1, col: 0 };
  m = /^\$?([A-Za-z]{1,3})$/.exec(t);
  if (m) return { kind: "col", row: 0, col: lettersToCol(m[1]) };
  return null;
}

/** A1 text of a box: "A1", "A1:B2", "5:6" for whole rows, "A:C" for whole columns; "$A$1" with `absolute`. */
export function boxToA1(b: RangeBox, absolute = false): string {
  const d = absolute ? "$" : "";
  if (b.left === 0 && b.right === LAST_COL) return `${d}${b.top + 1}:${d}${b.bottom + 1}`;
  if (b.top === 0 && b.bottom === LAST_ROW) return `${d}${colToLetters(b.left)}:${d}${colToLetters(b.right)}`;
  const a = `${d}${colToLetters(b.left)}${d}${b.top + 1}`;
  if (b.top === b.bottom && b.left === b.right) return a;
  return `${a}:${d}${colToLetters(b.right)}${d}${b.bottom + 1}`;
}

export function intersects(a: RangeBox, b: RangeBox): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Splits "Sheet1!A1:B2" / "'我的 表'!A1" into sheet and address. */
export function splitSheetAddress(ref: string): { sheet: string | null; address: string } {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return { sheet: null, address: ref };
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(bang + 1) };
}

export function boxContains(box: RangeBox, row: number, col: number): boolean {
  return row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
}
