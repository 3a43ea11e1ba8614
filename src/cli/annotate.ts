/**
 * `--out`: an annotated copy of a checked workbook. Every flagged cell gets a fill by its worst
 * severity (red error, amber warning, light blue info) and a note listing all its issues as
 * "[严重性] 规则: 说明". Everything else in the workbook is kept. The input file is never written:
 * the workbook object was loaded from a buffer and is saved to another path.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Workbook, Worksheet, Cell } from "exceljs";
import { t, type Locale } from "../core/messages";
import type { Severity } from "../core/model/schema";
import { MARK_COLORS, SEVERITIES, SEVERITY_RANK, worstSeverity } from "../core/model/severity";

/** ARGB fills: the pane's mark palette, opaque. */
export const SEVERITY_FILL = Object.fromEntries(SEVERITIES.map((s) => [s, `FF${MARK_COLORS[s].slice(1)}`])) as Record<Severity, string>;

/** The fields of an issue the annotation needs (an Issue or a ReportIssue both fit). */
export interface AnnotatableIssue {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string | null;
  message: string;
  fix?: string | { text: string };
}

/** The note text for one cell's issues: one line per issue, worst first. */
export function noteText(issues: readonly AnnotatableIssue[], locale: Locale): string {
  return [...issues]
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
    .map((i) => {
      const fix = i.fix === undefined ? "" : typeof i.fix === "string" ? i.fix : i.fix.text;
      const hint = fix && !i.message.includes(fix) ? (locale === "en" ? ` (${t(locale, "cli.fixHint", { fix })})` : `（${t(locale, "cli.fixHint", { fix })}）`) : "";
      return `[${t(locale, `severity.${i.severity}`)}] ${i.rule}: ${i.message}${hint}`;
    })
    .join("\n");
}

function existingNote(cell: Cell): string {
  const n = cell.note as unknown;
  if (!n) return "";
  if (typeof n === "string") return n;
  const texts = (n as { texts?: { text?: string }[] }).texts;
  return texts ? texts.map((x) => x.text ?? "").join("") : "";
}

function findSheet(wb: Workbook, name: string): Worksheet | undefined {
  return wb.worksheets.find((ws) => ws.name === name);
}

/**
 * Fills and notes the flagged cells in place (on the loaded workbook object, not on disk).
 * Returns the number of cells annotated. Issues without a cell or on an unknown sheet are skipped.
 */
export function annotateWorkbook(wb: Workbook, issues: readonly AnnotatableIssue[], locale: Locale): number {
  const byCell = new Map<string, { sheet: string; cell: string; issues: AnnotatableIssue[] }>();
  for (const i of issues) {
    if (!i.cell) continue;
    const key = `${i.sheet}\u0000${i.cell}`;
    let e = byCell.get(key);
    if (!e) byCell.set(key, (e = { sheet: i.sheet, cell: i.cell, issues: [] }));
    e.issues.push(i);
  }
  let count = 0;
  for (const e of byCell.values()) {
    const ws = findSheet(wb, e.sheet);
    if (!ws) continue;
    let cell: Cell;
    try {
      // A merged area's fill and note live on its top-left cell; ExcelJS gives an unmerged cell itself.
      cell = ws.getCell(e.cell).master;
    } catch {
      continue;
    }
    const worst = worstSeverity(e.issues.map((i) => i.severity)) ?? "info";
    // ExcelJS shares one style object between cells of the same style id: give this cell its own
    // copy before changing the fill, or every cell of that style would turn red.
    cell.style = {
      ...cell.style,
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: SEVERITY_FILL[worst] } },
    };
    const before = existingNote(cell);
    const ours = noteText(e.issues, locale);
    cell.note = before ? `${before}\n${ours}` : ours;
    count++;
  }
  return count;
}

/** Saves the workbook to outPath (creating folders). The path must not be an input file. */
export async function writeWorkbook(wb: Workbook, outPath: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
  const buf = await wb.xlsx.writeBuffer();
  fs.writeFileSync(outPath, Buffer.from(buf as ArrayBuffer));
}

/**
 * Where each input's annotated copy goes. With a single input file, `out` is the copy's path; with
 * several inputs, a folder input, an existing directory or a trailing slash, `out` is a directory and
 * each copy keeps its relative path (the base name for files given directly).
 */
export function outputPaths(
  out: string,
  inputs: readonly string[],
  entries: readonly { file: string; rel: string; fromFolder: boolean }[],
  /** Renames a copy in directory mode before names are made unique (e.g. a.xls → a.xlsx). */
  rename: (p: string) => string = (p) => p,
): { directory: boolean; paths: string[] } {
  let outIsDir = false;
  try {
    outIsDir = fs.statSync(out).isDirectory();
  } catch {
    outIsDir = false;
  }
  const directory =
    inputs.length > 1 || entries.some((e) => e.fromFolder) || outIsDir || out.endsWith("/") || out.endsWith(path.sep);
  if (!directory) return { directory, paths: entries.map(() => out) };
  const used = new Set<string>();
  const paths = entries.map((e) => {
    let p = rename(path.join(out, e.rel));
    if (used.has(p)) {
      const ext = path.extname(p);
      const stem = p.slice(0, p.length - ext.length);
      let n = 2;
      while (used.has(`${stem}-${n}${ext}`)) n++;
      p = `${stem}-${n}${ext}`;
    }
    used.add(p);
    return p;
  });
  return { directory, paths };
}
