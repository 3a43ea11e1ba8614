/**
 * Input handling for the CLI: expands folders into their .xlsx files and reads each file, telling a
 * workbook apart from the usual bad inputs (missing, empty, encrypted / old .xls, not a workbook)
 * before ExcelJS ever sees it. Nothing here throws for a bad file: it returns a ReadFailure.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export type ReadErrorCode =
  | "missing"
  | "empty"
  | "encrypted"
  | "notXlsx"
  | "corrupt"
  | "unreadable"
  | "noXlsxInFolder"
  | "notFileOrFolder"
  | "internal";

/** What kind of non-workbook a buffer looks like (catalog keys under cli.sniff). */
export type SniffKind = "png" | "jpeg" | "gif" | "pdf" | "text" | "zip" | "unknown";

export interface ReadFailure {
  code: ReadErrorCode;
  /** Placeholder data for the catalog message (detail: a sniff key or a low-level message). */
  detail?: string;
  /** True when detail is a cli.sniff key to translate, false when it is a raw system message. */
  detailIsKey?: boolean;
}

/** One entry to check: a file path as it will be reported, or a failure found while expanding. */
export interface InputEntry {
  /** The path as given (files inside a given folder: folder joined with their relative path). */
  file: string;
  /** Relative path inside the given folder (for --out directory mode), or the base name. */
  rel: string;
  /** True when the entry came from expanding a folder. */
  fromFolder: boolean;
  failure?: ReadFailure;
}

const XLSX_RE = /\.xlsx$/i;

function isLockFile(name: string): boolean {
  return name.startsWith("~$");
}

function walk(dir: string, relDir: string, out: { file: string; rel: string }[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  for (const e of entries) {
    const full = path.join(dir, e.name);
    const rel = relDir ? path.join(relDir, e.name) : e.name;
    if (e.isDirectory()) walk(full, rel, out);
    else if ((e.isFile() || e.isSymbolicLink()) && XLSX_RE.test(e.name) && !isLockFile(e.name)) out.push({ file: full, rel });
  }
}

/** Expands the command-line inputs: folders become their .xlsx files (recursive, sorted by path). */
export function expandInputs(inputs: readonly string[]): InputEntry[] {
  const result: InputEntry[] = [];
  for (const input of inputs) {
    let st: fs.Stats;
    try {
      st = fs.statSync(input);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      result.push({
        file: input,
        rel: path.basename(input),
        fromFolder: false,
        failure: code === "ENOENT" || code === "ENOTDIR" ? { code: "missing" } : { code: "unreadable", detail: errText(e) },
      });
      continue;
    }
    if (st.isDirectory()) {
      const found: { file: string; rel: string }[] = [];
      try {
        walk(input, "", found);
      } catch (e) {
        result.push({ file: input, rel: path.basename(input), fromFolder: false, failure: { code: "unreadable", detail: errText(e) } });
        continue;
      }
      found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
      if (found.length === 0) result.push({ file: input, rel: path.basename(input), fromFolder: false, failure: { code: "noXlsxInFolder" } });
      for (const f of found) result.push({ file: f.file, rel: f.rel, fromFolder: true });
    } else if (st.isFile()) {
      result.push({ file: input, rel: path.basename(input), fromFolder: false });
    } else {
      result.push({ file: input, rel: path.basename(input), fromFolder: false, failure: { code: "notFileOrFolder" } });
    }
  }
  return result;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Buffer, bytes: readonly number[]): boolean {
  if (buf.length < bytes.length) return false;
  return bytes.every((b, i) => buf[i] === b);
}

/** Guesses what a non-workbook buffer is, for the error message. */
export function sniff(buf: Buffer): SniffKind {
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47])) return "png";
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(buf, [0x47, 0x49, 0x46, 0x38])) return "gif";
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) return "pdf";
  if (startsWith(buf, [0x50, 0x4b])) return "zip";
  const head = buf.subarray(0, 4096);
  let control = 0;
  for (const b of head) if (b === 0 || (b < 0x09) || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  if (head.length > 0 && control === 0) return "text";
  return "unknown";
}

/**
 * Checks a buffer before it is handed to ExcelJS. Returns null when it looks like an xlsx package
 * (a zip holding xl/workbook.xml), else the reason it is not one.
 */
export function precheck(buf: Buffer): ReadFailure | null {
  if (buf.length === 0) return { code: "empty" };
  // An OLE compound file: either an encrypted OOXML package (Excel wraps password-protected
  // workbooks in one) or a legacy .xls workbook. Neither can be read without Excel.
  if (startsWith(buf, CFB_MAGIC)) return { code: "encrypted" };
  if (!startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) {
    return { code: "notXlsx", detail: sniff(buf), detailIsKey: true };
  }
  // Zip entry names are stored uncompressed in the local and central headers.
  if (buf.indexOf("xl/workbook.xml") < 0) {
    // A truncated zip loses its central directory; the first local header may still name xl/ files.
    if (buf.indexOf("[Content_Types].xml") >= 0 && buf.indexOf("xl/") >= 0) return { code: "corrupt", detail: "xl/workbook.xml" };
    return { code: "notXlsx", detail: "zip", detailIsKey: true };
  }
  return null;
}

/** Reads a file and prechecks it; never throws. */
export function readInput(file: string): { buffer: Buffer } | { failure: ReadFailure } {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { failure: { code: "missing" } };
    if (code === "EISDIR") return { failure: { code: "notFileOrFolder" } };
    return { failure: { code: "unreadable", detail: errText(e) } };
  }
  const bad = precheck(buf);
  return bad ? { failure: bad } : { buffer: buf };
}

export function errText(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split("\n")[0].slice(0, 200);
}
