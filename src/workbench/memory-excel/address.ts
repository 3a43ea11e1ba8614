/**
 * Address helpers for the in-memory Excel on top of src/core/grid/a1.ts: sheet-qualified rendering
 * as Excel returns it ("Sheet1!A1:B2", "'My sheet'!A1") and box arithmetic.
 */
import { type RangeBox, boxToA1, intersects } from "../../core/grid/a1";

/** Sheet name as Excel writes it in an address: quoted when it holds anything but letters, digits, _ and . */
export function quoteSheet(name: string): string {
  if (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, b: RangeBox, absolute = false): string {
  return `${quoteSheet(sheet)}!${boxToA1(b, absolute)}`;
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
