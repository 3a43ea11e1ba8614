/** What Excel returns beyond A1 itself (src/core/grid/a1.ts): qualified addresses, area lists, quoted sheet names. */
import { splitSheetAddress } from "../core/grid/a1";

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
