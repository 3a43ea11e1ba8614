/**
 * Input handling for the CLI: expands folders into their workbooks and reads each file, telling a
 * workbook apart from the usual bad inputs (missing, empty, too large, not a workbook) before a
 * reader ever sees it. Nothing here throws for a bad file: it returns a ReadFailure.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { mib } from "./read/limits";

export type ReadErrorCode =
  | "missing"
  | "empty"
  | "encrypted"
  | "notXlsx"
  | "corrupt"
  | "unreadable"
  | "noXlsxInFolder"
  | "notFileOrFolder"
  | "tooLarge"
  | "sheetTooLarge"
  | "unsafe"
  | "timeout"
  | "crashed"
  | "internal";

/** What kind of non-workbook a buffer looks like (catalog keys under cli.sniff). */
export type SniffKind = "png" | "jpeg" | "gif" | "pdf" | "text" | "zip" | "office" | "unknown";

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

/** The files a folder is searched for (what the checking read path reads). */
export const WORKBOOK_RE = /\.(xlsx|xlsm|xls|et|ods|csv)$/i;

function isLockFile(name: string): boolean {
  return name.startsWith("~$");
}

function walk(dir: string, relDir: string, out: { file: string; rel: string }[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  for (const e of entries) {
    const full = path.join(dir, e.name);
    const rel = relDir ? path.join(relDir, e.name) : e.name;
    if (e.isDirectory()) walk(full, rel, out);
    else if ((e.isFile() || e.isSymbolicLink()) && WORKBOOK_RE.test(e.name) && !isLockFile(e.name)) out.push({ file: full, rel });
  }
}

/** Expands the command-line inputs: folders become their workbooks (recursive, sorted by path). */
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

const ZIP_MAGICS = [[0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06]];

function hasUtf16Bom(buf: Buffer): boolean {
  return (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
}

/**
 * A cheap look at a buffer before the reader parses it. Returns null when it may be a workbook the
 * checker reads — a zip naming a workbook part (.xlsx / .xlsm / .xlsb / .ods), an OLE compound file
 * (.xls / .et, or a password-protected package: the reader tells), text in a file named .csv —
 * else the reason it is not one. `file` is the name (only its extension matters).
 */
export function precheck(buf: Buffer, file = ""): ReadFailure | null {
  if (buf.length === 0) return { code: "empty" };
  if (startsWith(buf, CFB_MAGIC)) return null;
  if (ZIP_MAGICS.some((m) => startsWith(buf, m))) {
    // Zip entry names are stored uncompressed in the local and central headers.
    if (buf.indexOf("xl/workbook.") >= 0 || buf.indexOf("content.xml") >= 0) return null;
    // A truncated zip loses its central directory; the first local header may still name xl/ files.
    if (buf.indexOf("[Content_Types].xml") >= 0 && buf.indexOf("xl/") >= 0) return { code: "corrupt", detail: "xl/workbook.xml" };
    return { code: "notXlsx", detail: "zip", detailIsKey: true };
  }
  const kind = sniff(buf);
  if (path.extname(file).toLowerCase() === ".csv" && (kind === "text" || hasUtf16Bom(buf))) return null;
  return { code: "notXlsx", detail: kind, detailIsKey: true };
}

/** Reads a file (refusing one over the size cap before reading it); never throws. */
export function readInput(file: string, maxBytes = Infinity): { buffer: Buffer } | { failure: ReadFailure } {
  let buf: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes) return { failure: { code: "tooLarge", detail: `${mib(size)} MiB > ${mib(maxBytes)} MiB` } };
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { failure: { code: "missing" } };
    if (code === "EISDIR") return { failure: { code: "notFileOrFolder" } };
    return { failure: { code: "unreadable", detail: errText(e) } };
  }
  return { buffer: buf };
}

export function errText(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split("\n")[0].slice(0, 200);
}
