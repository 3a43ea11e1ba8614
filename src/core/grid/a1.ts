/** A1-style addresses. Rows and columns are 0-based in code, 1-based / lettered in A1 text. */

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

export function rangeToA1(box: RangeBox): string {
  const a = toA1(box.top, box.left);
  const b = toA1(box.bottom, box.right);
  return a === b ? a : `${a}:${b}`;
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
