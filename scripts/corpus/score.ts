/**
 * The corpus harness: turns every test/corpus/tables/<id>.json into an .xlsx in its own layout, checks
 * it with the same code path as `jixiao check` (checkBuffer), and scores the findings against the
 * hand-written labels. Shared by `npm run corpus` (scripts/corpus/main.ts) and test/corpus/corpus.test.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { checkBuffer } from "../../src/cli/check";
import { boxContains, parseA1, parseRange, toA1, type RangeBox } from "../../src/core/grid/a1";
import { ALL_RULES } from "../../src/core/rules/registry";
import type { Issue, Severity } from "../../src/core/model/schema";
import { CorpusTableSchema, type CorpusLabel, type CorpusTable } from "./schema";

/** The repository root: the nearest folder above this file (scripts/corpus/ or the bundle in lib/) with a package.json. */
function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const CORPUS_DIR = path.join(repoRoot(), "test", "corpus");

/** The hand-counted structure of a file (test/corpus/structure.json): its tables and their indicator rows. */
export interface Structure { tables: number; indicators: number[] }

export const STRUCTURE_FILE = path.join(CORPUS_DIR, "structure.json");

/** The structure expectations, by file id (keys starting with "_" are notes). Empty when the file is absent. */
export function loadStructure(file = STRUCTURE_FILE): Map<string, Structure> {
  const out = new Map<string, Structure>();
  if (!fs.existsSync(file)) return out;
  const raw = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  for (const [id, v] of Object.entries(raw)) {
    if (id.startsWith("_")) continue;
    const s = v as Structure;
    if (!Number.isInteger(s.tables) || !Array.isArray(s.indicators) || s.indicators.length !== s.tables || !s.indicators.every(Number.isInteger))
      throw new Error(`structure.json: ${id}: tables must be an integer and indicators one integer per table`);
    out.set(id, s);
  }
  return out;
}

/** A file whose tables or indicator rows were not read as counted by hand. */
export interface StructureMiss { table: string; expected: Structure; read: Structure }

/** Every table found and every table's indicator rows counted exactly. */
export function sameStructure(expected: Structure, read: Structure): boolean {
  return (
    read.tables === expected.tables &&
    read.indicators.length === expected.indicators.length &&
    read.indicators.every((n, i) => n === expected.indicators[i])
  );
}

export function loadCorpus(dir = path.join(CORPUS_DIR, "tables")): CorpusTable[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  return files.map((f) => {
    const raw: unknown = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
    const parsed = CorpusTableSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`${f}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    if (`${parsed.data.id}.json` !== f) throw new Error(`${f}: id ${parsed.data.id} does not match the file name`);
    return parsed.data;
  });
}

/** The published table as a workbook: cell values as transcribed, merges, number formats. */
export async function tableToXlsx(t: CorpusTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.sheet);
  t.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      ws.getCell(r + 1, c + 1).value = v;
    });
  });
  for (const [addr, fmt] of Object.entries(t.formats)) ws.getCell(addr).numFmt = fmt;
  for (const m of t.merges) ws.mergeCells(m);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

type Rect = RangeBox;

function mergeRects(t: CorpusTable): Rect[] {
  return t.merges.map((m) => parseRange(m)).filter((b): b is RangeBox => b !== null);
}

/** A cell inside a merged area is scored as the area's top-left cell (where Excel keeps the value). */
function canon(addr: string, rects: Rect[]): string {
  const p = parseA1(addr);
  if (!p) return addr;
  for (const m of rects) if (boxContains(m, p.row, p.col)) return toA1(m.top, m.left);
  return toA1(p.row, p.col);
}

export interface Finding {
  table: string;
  rule: string;
  severity: Severity;
  cell: string | null;
  message: string;
  /** "tp": a fire label covers it; "fp": nothing or a quiet label covers it. */
  verdict: "tp" | "fp";
  label?: CorpusLabel;
  misstated?: string;
}

export interface Miss { table: string; label: CorpusLabel }

export interface RuleFigures { rule: string; findings: number; tp: number; labels: number; found: number }

export interface CorpusResult {
  tables: CorpusTable[];
  findings: Finding[];
  misses: Miss[];
  /** fire labels whose rule is "-" (no rule checks it) */
  uncovered: Miss[];
  unreadable: { table: string; message: string }[];
  /** files whose tables/indicator rows differ from structure.json */
  structureMisses: StructureMiss[];
  figures: Figures;
  perRule: RuleFigures[];
}

export interface Figures {
  files: number;
  projectFiles: number;
  departmentFiles: number;
  provinces: number;
  years: number;
  labels: number;
  reviewedLabels: number;
  /** precision per severity, as a fraction; null when the severity had no finding */
  precision: Record<Severity, number | null>;
  findings: Record<Severity, number>;
  truePositives: Record<Severity, number>;
  /** fire labels (of a known rule) found by a finding of their rule */
  recall: number | null;
  fireLabels: number;
  foundLabels: number;
  misstatements: number;
  /** files with a structure expectation, and those read exactly (every table found, every indicator row counted) */
  structureFiles: number;
  structureExact: number;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];

function labelCells(l: CorpusLabel, rects: Rect[]): string[] | "*" {
  if (l.cell === "*") return "*";
  return (l.cells ?? [l.cell as string]).map((c) => canon(c, rects));
}

function covers(l: CorpusLabel, cell: string | null, rects: Rect[]): boolean {
  const cells = labelCells(l, rects);
  if (cells === "*") return true;
  return cell !== null && cells.includes(canon(cell, rects));
}

function misstatement(l: CorpusLabel, message: string): string | undefined {
  for (const s of l.says ?? []) if (!message.includes(s)) return `does not say “${s}”`;
  for (const s of l.mustNotSay ?? []) if (message.includes(s)) return `says “${s}”`;
  return undefined;
}

/** Scores one table's issues against its labels. */
export function scoreTable(t: CorpusTable, issues: readonly Issue[]): { findings: Finding[]; misses: Miss[]; uncovered: Miss[] } {
  const rects = mergeRects(t);
  const findings: Finding[] = issues.map((i) => {
    const fire = t.labels.find((l) => l.expect === "fire" && l.rule === i.rule && covers(l, i.cell, rects));
    const quiet = fire ? undefined : t.labels.find((l) => l.expect === "quiet" && l.rule === i.rule && covers(l, i.cell, rects));
    const f: Finding = { table: t.id, rule: i.rule, severity: i.severity, cell: i.cell, message: i.message, verdict: fire ? "tp" : "fp" };
    if (fire ?? quiet) f.label = fire ?? quiet;
    if (fire) f.misstated = misstatement(fire, i.message);
    return f;
  });
  const misses: Miss[] = [];
  const uncovered: Miss[] = [];
  for (const l of t.labels) {
    if (l.expect !== "fire") continue;
    if (l.rule === "-") { uncovered.push({ table: t.id, label: l }); continue; }
    if (!issues.some((i) => i.rule === l.rule && covers(l, i.cell, rects))) misses.push({ table: t.id, label: l });
  }
  return { findings, misses, uncovered };
}

export interface RunOptions {
  /** write the generated workbooks here (npm run corpus keeps them for inspection) */
  writeDir?: string;
  /** only project tables are scored until department tables are detected; "all" scores both */
  kinds?: readonly ("project" | "department")[];
  /** hand-counted structure by file id (default: test/corpus/structure.json) */
  structure?: Map<string, Structure>;
}

export async function runCorpus(tables: CorpusTable[] = loadCorpus(), opts: RunOptions = {}): Promise<CorpusResult> {
  const kinds = opts.kinds ?? ["project", "department"];
  const known = new Set(ALL_RULES.map((r) => r.meta.id));
  const findings: Finding[] = [];
  const misses: Miss[] = [];
  const uncovered: Miss[] = [];
  const unreadable: { table: string; message: string }[] = [];
  const structure = opts.structure ?? loadStructure();
  const structureMisses: StructureMiss[] = [];
  let structureFiles = 0;
  const scored = tables.filter((t) => kinds.includes(t.kind));
  if (opts.writeDir) fs.mkdirSync(opts.writeDir, { recursive: true });
  for (const t of scored) {
    const buf = await tableToXlsx(t);
    if (opts.writeDir) fs.writeFileSync(path.join(opts.writeDir, `${t.id}.xlsx`), buf);
    const { result } = await checkBuffer(`${t.id}.xlsx`, buf, { options: { year: t.source.year } });
    if (result.error) unreadable.push({ table: t.id, message: result.error.message });
    if (result.tables.length === 0) unreadable.push({ table: t.id, message: "no table found" });
    const expected = structure.get(t.id);
    if (expected) {
      structureFiles++;
      const read: Structure = { tables: result.tables.length, indicators: result.tables.map((x) => x.indicators.length) };
      if (!sameStructure(expected, read)) structureMisses.push({ table: t.id, expected, read });
    }
    const s = scoreTable(t, result.issues);
    findings.push(...s.findings);
    misses.push(...s.misses.filter((m) => known.has(m.label.rule)));
    // a fire label naming a rule that does not exist yet counts as a miss too: it is a defect we do not find
    misses.push(...s.misses.filter((m) => !known.has(m.label.rule)));
    uncovered.push(...s.uncovered);
  }
  const count = (sev: Severity, v?: "tp") => findings.filter((f) => f.severity === sev && (!v || f.verdict === v)).length;
  const fireLabels = scored.flatMap((t) => t.labels.filter((l) => l.expect === "fire" && l.rule !== "-")).length;
  const precision = {} as Record<Severity, number | null>;
  const findingsBy = {} as Record<Severity, number>;
  const tpBy = {} as Record<Severity, number>;
  for (const s of SEVERITIES) {
    findingsBy[s] = count(s);
    tpBy[s] = count(s, "tp");
    precision[s] = findingsBy[s] ? tpBy[s] / findingsBy[s] : null;
  }
  const ruleIds = [...new Set([...findings.map((f) => f.rule), ...scored.flatMap((t) => t.labels.filter((l) => l.rule !== "-").map((l) => l.rule))])].sort();
  const perRule: RuleFigures[] = ruleIds.map((rule) => {
    const labels = scored.flatMap((t) => t.labels.filter((l) => l.expect === "fire" && l.rule === rule)).length;
    return {
      rule,
      findings: findings.filter((f) => f.rule === rule).length,
      tp: findings.filter((f) => f.rule === rule && f.verdict === "tp").length,
      labels,
      found: labels - misses.filter((m) => m.label.rule === rule).length,
    };
  });
  const figures: Figures = {
    files: scored.length,
    projectFiles: scored.filter((t) => t.kind === "project").length,
    departmentFiles: scored.filter((t) => t.kind === "department").length,
    provinces: new Set(scored.map((t) => t.source.province)).size,
    years: new Set(scored.map((t) => t.source.year)).size,
    labels: scored.reduce((n, t) => n + t.labels.length, 0),
    reviewedLabels: scored.reduce((n, t) => n + t.labels.filter((l) => l.review).length, 0),
    precision,
    findings: findingsBy,
    truePositives: tpBy,
    recall: fireLabels ? (fireLabels - misses.length) / fireLabels : null,
    fireLabels,
    foundLabels: fireLabels - misses.length,
    misstatements: findings.filter((f) => f.misstated).length,
    structureFiles,
    structureExact: structureFiles - structureMisses.length,
  };
  return { tables: scored, findings, misses, uncovered, unreadable, structureMisses, figures, perRule };
}

const pct = (x: number | null) => (x === null ? "  —  " : `${(x * 100).toFixed(1)}%`);

/** The printed report: figures, per rule, and every disagreement. */
export function formatResult(r: CorpusResult): string {
  const f = r.figures;
  const out: string[] = [];
  out.push(
    `corpus: ${f.files} files (${f.projectFiles} project, ${f.departmentFiles} department), ${f.provinces} provinces, ${f.years} years; ` +
      `${f.labels} labels (${f.reviewedLabels} adjudicated after a run)`,
  );
  for (const s of SEVERITIES)
    out.push(`  precision ${s.padEnd(7)} ${pct(f.precision[s]).padStart(6)}  (${f.truePositives[s]}/${f.findings[s]})`);
  out.push(`  recall          ${pct(f.recall).padStart(6)}  (${f.foundLabels}/${f.fireLabels} labelled defects found)`);
  out.push(`  misstatements   ${f.misstatements}`);
  out.push(`  tables/indicators read exactly: ${f.structureExact} of ${f.structureFiles} files`);
  if (r.unreadable.length) out.push(`  unreadable: ${r.unreadable.map((u) => `${u.table} (${u.message})`).join(", ")}`);
  out.push("", "rule                        findings    tp  precision   labels found  recall");
  for (const p of r.perRule)
    out.push(
      `${p.rule.padEnd(26)} ${String(p.findings).padStart(9)} ${String(p.tp).padStart(5)} ${pct(p.findings ? p.tp / p.findings : null).padStart(10)} ` +
        `${String(p.labels).padStart(8)} ${String(p.found).padStart(5)} ${pct(p.labels ? p.found / p.labels : null).padStart(7)}`,
    );
  const shape = (s: Structure) => `${s.tables} table${s.tables === 1 ? "" : "s"} [${s.indicators.join(", ")}]`;
  out.push("", `structure not read as counted (${r.structureMisses.length}):`);
  for (const m of r.structureMisses) out.push(`  ST ${m.table}: expected ${shape(m.expected)}, read ${shape(m.read)}`);
  const fps = r.findings.filter((x) => x.verdict === "fp");
  out.push("", `false positives (${fps.length}):`);
  for (const x of fps)
    out.push(`  FP ${x.severity.padEnd(7)} ${x.table} ${x.cell ?? "-"} ${x.rule}: ${x.message}${x.label ? `  [quiet: ${x.label.why ?? ""}]` : ""}`);
  out.push("", `missed labelled defects (${r.misses.length}):`);
  for (const m of r.misses) out.push(`  FN ${m.table} ${m.label.cell ?? m.label.cells?.join(",")} ${m.label.rule}: ${m.label.why ?? ""}`);
  const mis = r.findings.filter((x) => x.misstated);
  out.push("", `misstatements (${mis.length}):`);
  for (const x of mis) out.push(`  MS ${x.table} ${x.cell} ${x.rule}: ${x.misstated} — ${x.message}`);
  out.push("", `defects no rule checks (${r.uncovered.length}, not scored):`);
  for (const m of r.uncovered) out.push(`  -- ${m.table} ${m.label.cell ?? m.label.cells?.join(",")}: ${m.label.why ?? ""}`);
  return out.join("\n");
}
