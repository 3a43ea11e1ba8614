/**
 * The .xlsx / .xlsm read path: SpreadsheetML parts → CellGrids, reading only what the engine uses —
 * the sheets' names and order (workbook.xml and its relationships), shared strings, the number
 * formats of the cell styles (styles.xml), and each worksheet's cell values and merged areas. It
 * inflates nothing else (no theme, drawings, comments, document properties, macros).
 *
 * Values as Office.js returns them: a formula's cached result (never the formula), rich text as its
 * plain text (phonetic runs left out), an error as its text ("#REF!"), a boolean as a boolean, an
 * ISO date cell as a serial number. Written against ECMA-376 Part 1 §18 (SpreadsheetML) and checked
 * against ExcelJS on every fixture and corpus table (test/cli/read-parity.test.ts).
 */
import * as path from "node:path";
import type { CellValue } from "../../core/grid/cellgrid";
import type { CellGrid } from "../../core/grid/cellgrid";
import type { RangeBox } from "../../core/grid/a1";
import { rowsToGrid } from "./grid";
import { ReadProblem } from "./problem";
import { Tok, XmlCursor } from "./xml";
import type { ZipPackage } from "./zip";

/** Built-in number formats (ECMA-376 §18.8.30) with the zh-CN forms of the East Asian ids. */
const BUILTIN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"¥"#,##0;"¥"-#,##0',
  6: '"¥"#,##0;[Red]"¥"-#,##0',
  7: '"¥"#,##0.00;"¥"-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"-#,##0.00',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy/m/d",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy/m/d h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

const MS_PER_DAY = 86400000;

/** The text of a part (UTF-8, or UTF-16 with its byte order mark), or null when the part is missing. */
function partText(pkg: ZipPackage, name: string): string | null {
  const data = pkg.read(name);
  if (!data) return null;
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return data.toString("utf16le", 2);
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) {
    const swapped = Buffer.from(data.subarray(2));
    swapped.swap16();
    return swapped.toString("utf16le");
  }
  return data.toString("utf8");
}

interface Rel {
  type: string;
  target: string;
}

/** A part's relationships (Id → type and target part name), from its .rels part. */
function readRels(pkg: ZipPackage, part: string): Map<string, Rel> {
  const dir = path.posix.dirname(part);
  const relsName = path.posix.join(dir === "." ? "" : dir, "_rels", `${path.posix.basename(part)}.rels`);
  const out = new Map<string, Rel>();
  const text = partText(pkg, relsName);
  if (text === null) return out;
  const x = new XmlCursor(text);
  while (x.next() !== Tok.End) {
    if (x.tok !== Tok.Open || x.name !== "Relationship") continue;
    const id = x.attr("Id");
    const target = x.attr("Target");
    if (id === null || target === null || x.attr("TargetMode") === "External") continue;
    out.set(id, { type: x.attr("Type") ?? "", target: resolveTarget(dir, target) });
  }
  return out;
}

/** A relationship target as a part name: relative to the source part's folder, or from the root. */
function resolveTarget(dir: string, target: string): string {
  const t = target.replace(/\\/g, "/");
  const joined = t.startsWith("/") ? t.slice(1) : path.posix.join(dir === "." ? "" : dir, t);
  return path.posix.normalize(joined).replace(/^(\.\.\/)+/, "");
}

/** Shared strings: the plain text of each <si> (runs joined, phonetic runs left out). */
function readSharedStrings(text: string | null): string[] {
  const out: string[] = [];
  if (text === null) return out;
  const x = new XmlCursor(text);
  while (x.next() !== Tok.End) if (x.tok === Tok.Open && x.name === "si") out.push(x.empty ? "" : stringItem(x, "si"));
  return out;
}

/**
 * The plain text of a string item (<si> or an inline <is>): its <t> elements, directly or in rich
 * text runs, without phonetic runs (<rPh>) — the cursor is on the item's start tag, and is left on
 * its end tag.
 */
function stringItem(x: XmlCursor, tag: string): string {
  let s = "";
  for (;;) {
    const t = x.next();
    if (t === Tok.End) break;
    if (t === Tok.Close) {
      if (x.name === tag) break;
      continue;
    }
    if (x.name === "t") s += x.text();
    else if (x.name === "rPh" || x.name === "phoneticPr") x.skip();
  }
  return unescapeXstring(s);
}

/** ST_Xstring escapes (_x000D_ for a carriage return, _x005F_ for a literal underscore). */
function unescapeXstring(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Each cell style's number format (index of <cellXfs>/<xf> → format code, null for General). */
function readStyles(text: string | null): (string | null)[] {
  const xfs: (string | null)[] = [];
  if (text === null) return xfs;
  const custom = new Map<number, string>();
  const x = new XmlCursor(text);
  let inCellXfs = false;
  let inNumFmts = false;
  const ids: number[] = [];
  while (x.next() !== Tok.End) {
    if (x.tok === Tok.Close) {
      if (x.name === "cellXfs") inCellXfs = false;
      else if (x.name === "numFmts") inNumFmts = false;
      continue;
    }
    if (x.name === "numFmts") inNumFmts = !x.empty;
    else if (x.name === "numFmt" && inNumFmts) {
      const id = Number(x.attr("numFmtId"));
      const code = x.attr("formatCode");
      if (Number.isInteger(id) && code !== null) custom.set(id, code);
    } else if (x.name === "cellXfs") inCellXfs = !x.empty;
    else if (x.name === "xf" && inCellXfs) {
      ids.push(Number(x.attr("numFmtId") ?? 0));
      x.skip();
    }
  }
  for (const id of ids) {
    const code = custom.get(id) ?? BUILTIN_FORMATS[id] ?? null;
    xfs.push(code === null || code === "General" ? null : code);
  }
  return xfs;
}

/** "BC12" → its row and column (0-based) packed as row × 16384 + column, or -1. */
function decodeRef(ref: string, from = 0, to = ref.length): number {
  let col = 0;
  let i = from;
  while (i < to) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break;
    i++;
  }
  let row = 0;
  let digits = 0;
  while (i < to) {
    const c = ref.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      row = row * 10 + (c - 48);
      digits++;
    } else if (c !== 36) return -1;
    i++;
  }
  if (col === 0 || digits === 0 || row === 0 || col > 16384 || row > 1048576) return -1;
  return (row - 1) * 16384 + (col - 1);
}

function decodeRange(ref: string): RangeBox | null {
  const colon = ref.indexOf(":");
  const s = decodeRef(ref, 0, colon < 0 ? ref.length : colon);
  const e = colon < 0 ? s : decodeRef(ref, colon + 1);
  if (s < 0 || e < 0) return null;
  const r1 = Math.floor(s / 16384);
  const r2 = Math.floor(e / 16384);
  const c1 = s % 16384;
  const c2 = e % 16384;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** One cell's value from its type attribute and the text of its <v> (or inline string). */
function cellValue(type: string | null, v: string, sst: string[], date1904: boolean): CellValue {
  switch (type) {
    case null:
    case "n": {
      if (v === "") return null;
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
    case "s": {
      const i = Number(v);
      return Number.isInteger(i) && i >= 0 && i < sst.length ? sst[i] : null;
    }
    case "str":
    case "inlineStr":
      return unescapeXstring(v);
    case "b":
      return v.trim() === "1" || v.trim() === "true";
    case "e":
      return v === "" ? "#N/A" : v;
    case "d": {
      const iso = v.trim();
      const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes("T") ? iso : `${iso}Z`);
      if (Number.isNaN(ms)) return null;
      return Math.round((ms / MS_PER_DAY + (date1904 ? 24107 : 25569)) * 1e10) / 1e10;
    }
    default:
      return v === "" ? null : v;
  }
}

const CELL_ATTRS = ["r", "t", "s"] as const;
const cellAttrs: (string | null)[] = [null, null, null];

/** One worksheet part as a CellGrid. */
function readWorksheet(name: string, text: string, sst: string[], xfs: (string | null)[], date1904: boolean): CellGrid {
  const rows: CellValue[][] = [];
  let formats: (string | null)[][] | undefined;
  const merges: RangeBox[] = [];
  const x = new XmlCursor(text);
  let row = -1;
  let col = -1;
  while (x.next() !== Tok.End) {
    if (x.tok !== Tok.Open) continue;
    const tag = x.name;
    if (tag === "c") {
      x.attrs(CELL_ATTRS, cellAttrs);
      const [ref, type, style] = cellAttrs;
      const at = ref === null ? -1 : decodeRef(ref);
      if (at >= 0) {
        row = Math.floor(at / 16384);
        col = at % 16384;
      } else col++;
      if (x.empty) continue;
      let v: string | null = null;
      let inline: string | null = null;
      for (;;) {
        const t = x.next();
        if (t === Tok.End || (t === Tok.Close && x.name === "c")) break;
        if (t !== Tok.Open) continue;
        if (x.name === "v") v = x.text();
        else if (x.name === "is") inline = x.empty ? "" : stringItem(x, "is");
        else x.skip();
      }
      if (row < 0) continue;
      // An inline string's text (already unescaped), else the <v> read by the cell's type.
      const value = type === "inlineStr" && inline !== null ? inline : v === null ? null : cellValue(type, v, sst, date1904);
      if (value === null || value === "") continue;
      (rows[row] ??= [])[col] = value;
      const fmt = style === null ? null : (xfs[Number(style)] ?? null);
      if (fmt !== null) ((formats ??= [])[row] ??= [])[col] = fmt;
    } else if (tag === "row") {
      const r = x.attr("r");
      const n = r === null ? NaN : Number(r);
      row = Number.isInteger(n) && n >= 1 && n <= 1048576 ? n - 1 : row + 1;
      col = -1;
    } else if (tag === "mergeCell") {
      const ref = x.attr("ref");
      const box = ref === null ? null : decodeRange(ref);
      if (box) merges.push(box);
    } else if (tag === "sheetPr" || tag === "sheetViews" || tag === "cols" || tag === "extLst" || tag === "conditionalFormatting" || tag === "dataValidations") {
      x.skip();
    }
  }
  return rowsToGrid(name, rows, formats, merges);
}

const REL_WORKSHEET = /\/worksheet$/;
const REL_OFFICE_DOCUMENT = /\/officeDocument$/;

/**
 * The worksheets of an .xlsx / .xlsm package, in sheet order (chart sheets, dialog and macro sheets
 * are skipped, as ExcelJS skips them). Throws ReadProblem for a package without a workbook part.
 */
export function readOoxml(pkg: ZipPackage): CellGrid[] {
  const root = readRels(pkg, "");
  const wbPart = [...root.values()].find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target ?? "xl/workbook.xml";
  const wbText = partText(pkg, wbPart) ?? partText(pkg, "xl/workbook.xml");
  if (wbText === null) throw new ReadProblem({ code: "corrupt", detail: "xl/workbook.xml" });
  const rels = readRels(pkg, pkg.entry(wbPart) ? wbPart : "xl/workbook.xml");
  const dir = path.posix.dirname(wbPart);
  const sheets: { name: string; part: string }[] = [];
  let date1904 = false;
  const x = new XmlCursor(wbText);
  while (x.next() !== Tok.End) {
    if (x.tok !== Tok.Open) continue;
    if (x.name === "workbookPr") {
      const d = x.attr("date1904");
      date1904 = d === "1" || d === "true";
    } else if (x.name === "sheet") {
      const name = x.attr("name");
      const rel = rels.get(x.prefixedAttr("id") ?? "");
      if (name === null || !rel || !REL_WORKSHEET.test(rel.type)) continue;
      sheets.push({ name, part: rel.target });
    }
  }
  let sstPart = `${dir}/sharedStrings.xml`;
  let stylesPart = `${dir}/styles.xml`;
  for (const r of rels.values()) {
    if (r.type.endsWith("/sharedStrings")) sstPart = r.target;
    else if (r.type.endsWith("/styles")) stylesPart = r.target;
  }
  const sst = readSharedStrings(partText(pkg, sstPart));
  const xfs = readStyles(partText(pkg, stylesPart));
  const grids: CellGrid[] = [];
  for (const s of sheets) {
    const text = partText(pkg, s.part);
    if (text === null) throw new ReadProblem({ code: "corrupt", detail: `${s.part} missing` });
    grids.push(readWorksheet(s.name, text, sst, xfs, date1904));
  }
  return grids;
}
