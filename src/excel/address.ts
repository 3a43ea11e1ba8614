/** Address parsing for what Excel returns: "Sheet1!A1:B2", "'My sheet'!$A$1", "12:13", "A:C", area lists. */
import { RangeBox, colToLetters, lettersToCol, splitSheetAddress } from "../core/grid/a1";

export const LAST_ROW = 1048575;
export const LAST_COL = 16383;

/** Box of a relative or absolute A1 address (sheet part ignored); whole rows / columns allowed. */
export function parseBoxA1(ref: string): RangeBox | null {
  const { address } = splitSheetAddress(ref.trim());
  const [a, b = a] = address.replace(/\$/g, "").split(":");
  const cell = /^([A-Za-z]{1,3})(\d{1,7})$/;
  const ca = cell.exec(a);
  const cb = cell.exec(b);
  if (ca && cb) return norm(Number(ca[2]) - 1, lettersToCol(ca[1]), Number(cb[2]) - 1, lettersToCol(cb[1]));
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return norm(Number(a) - 1, 0, Number(b) - 1, LAST_COL);
  if (/^[A-Za-z]{1,3}$/.test(a) && /^[A-Za-z]{1,3}$/.test(b)) return norm(0, lettersToCol(a), LAST_ROW, lettersToCol(b));
  return null;
}

function norm(r1: number, c1: number, r2: number, c2: number): RangeBox {
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

export function boxA1(b: RangeBox): string {
  const a = colToLetters(b.left) + (b.top + 1);
  if (b.top === b.bottom && b.left === b.right) return a;
  return `${a}:${colToLetters(b.right)}${b.bottom + 1}`;
}

/** "Sheet1!$F$11" → { sheet: "Sheet1", address: "F11" }. */
export function splitQualified(ref: string): { sheet: string | null; address: string } {
  const s = splitSheetAddress(ref.replace(/^=/, ""));
  return { sheet: s.sheet, address: s.address.replace(/\$/g, "") };
}

/** Splits "Sheet1!A1:B2,'a,b'!C3" into its areas, respecting quoted sheet names. */
export function splitAreas(list: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === "'") {
      if (quoted && list[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === "," && !quoted) {
      if (cur) out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** Quoted sheet reference for building an address string for names.add. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function normCell(cell: string): string {
  return cell.replace(/\$/g, "").toUpperCase();
}
