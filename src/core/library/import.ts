/**
 * Custom libraries: rows of a sheet, a CSV or a JSON file → entries (parseLibraryRows), merged with
 * the built-in library (mergeLibraries), and any library → rows for an .xlsx/.csv export
 * (libraryToRows). Reading and writing the files is the caller's job (ExcelJS in the CLI, Office.js
 * in the pane).
 *
 * All or nothing per import: when the columns do not give at least the 三级 name and the 二级, nothing
 * is imported (error missingColumns); rows that cannot be read (no name, an unknown category, an odd
 * unit, a duplicate …) are skipped and reported with their row number and reason, and with
 * `strict: true` one skipped row means nothing is imported either.
 */
import { normText } from "../rules/utils/text";
import { joinSplitValue, parseValue } from "../value/parse";
import { canonicalUnit, unitGroup } from "../value/units";
import { canonicalProjectType, GENERAL_TYPE } from "./project-types";
import {
  deriveValueForm,
  identityKey,
  inferDirection,
  libraryUnit,
  LibraryEntrySchema,
  makeEntryId,
  provenanceOf,
  resolveCategory,
  type Direction,
  type LibraryEntry,
  type Provenance,
} from "./schema";
import type { PinyinProvider } from "./search";
import { entryKeys } from "./schema";

export const LIBRARY_FIELDS = [
  "id",
  "level1",
  "level2",
  "name",
  "definition",
  "unit",
  "op",
  "typical",
  "range",
  "direction",
  "types",
  "aliases",
  "provenance",
] as const;
export type LibraryField = (typeof LIBRARY_FIELDS)[number];

/** Header labels recognised per field (compared after normText), most specific first. */
export const FIELD_LABELS: Record<LibraryField, readonly string[]> = {
  id: ["编号", "指标编号", "指标编码", "指标代码", "id", "代码", "序号id"],
  level1: ["一级指标", "一级", "一级指标名称"],
  level2: ["二级指标", "二级", "二级指标名称"],
  name: ["三级指标", "三级指标名称", "指标名称", "绩效指标名称", "绩效指标", "三级", "指标"],
  definition: ["指标解释", "指标说明", "指标定义", "指标描述", "绩效指标描述", "指标内涵", "计算方法", "计算公式", "说明", "解释"],
  unit: ["计量单位", "度量单位", "单位"],
  op: ["指标性质", "运算符号", "运算符", "符号"],
  typical: ["指标值", "典型指标值", "典型指标值示例", "典型值", "参考值", "目标值", "参考指标值", "年度指标值", "指标值示例"],
  range: ["取值范围", "典型范围", "参考范围"],
  direction: ["指标方向", "指标方向性", "方向"],
  types: ["项目类型", "适用项目类型", "适用项目", "项目分类", "类型"],
  aliases: ["别名", "关键词", "近义词", "别称", "常见写法"],
  provenance: ["来源", "出处", "sourceurl", "指标来源", "来源网址"],
};

/** Labels written by libraryToRows, one per exported field. */
export const EXPORT_HEADERS: readonly [LibraryField, string][] = [
  ["id", "编号"],
  ["level1", "一级指标"],
  ["level2", "二级指标"],
  ["name", "三级指标"],
  ["definition", "指标解释"],
  ["unit", "计量单位"],
  ["typical", "指标值"],
  ["range", "取值范围"],
  ["direction", "指标方向"],
  ["types", "项目类型"],
  ["aliases", "别名"],
  ["provenance", "来源"],
];

const REQUIRED: readonly LibraryField[] = ["name", "level2"];

export type SkipReason =
  | "missingName"
  | "missingLevel2"
  | "badLevel2"
  | "badLevel1"
  | "levelMismatch"
  | "oddUnit"
  | "unitMismatch"
  | "badDirection"
  | "badRange"
  | "badId"
  | "duplicate"
  | "invalid";

export interface SkippedRow {
  /** 1-based position in the input (a sheet's row number when the rows start at row 1). */
  row: number;
  reason: SkipReason;
  /** The offending text, or for duplicates the row number of the first occurrence. */
  detail: string;
}

export type ImportError =
  | { code: "noHeader" }
  | { code: "missingColumns"; columns: LibraryField[] }
  | { code: "rowsSkipped"; count: number };

export interface LibraryImport {
  entries: LibraryEntry[];
  skipped: SkippedRow[];
  /** Column of each mapped field: an index for string[][] input, a key for records. */
  mapping: Partial<Record<LibraryField, number | string>>;
  /** Set when nothing was imported because of the columns (or, with strict, of skipped rows). */
  error: ImportError | null;
}

export interface ImportOptions {
  /** Provenance label of entries without a 来源 cell (the file or sheet name). Default "自定义". */
  source?: string;
  /** Import nothing when any row is skipped. */
  strict?: boolean;
  /** Fills the entries' pinyin (src/core/library/pinyin.ts pinyinOf); without it they have none. */
  pinyin?: PinyinProvider;
}

function fieldOfLabel(label: unknown): LibraryField | null {
  const k = normText(label === null || label === undefined ? "" : String(label));
  if (!k) return null;
  for (const f of LIBRARY_FIELDS) if (FIELD_LABELS[f].includes(k)) return f;
  // "指标值（2022年）", "计量单位(必填)": a label starting with a known one (longest labels first).
  let best: [LibraryField, number] | null = null;
  for (const f of LIBRARY_FIELDS)
    for (const l of FIELD_LABELS[f]) if (l.length >= 2 && k.startsWith(l) && (!best || l.length > best[1])) best = [f, l.length];
  return best ? best[0] : null;
}

/** Detects the columns of a header row: field → column index (first column wins per field). */
export function detectColumns(header: readonly unknown[]): Partial<Record<LibraryField, number>> {
  const out: Partial<Record<LibraryField, number>> = {};
  header.forEach((h, i) => {
    const f = fieldOfLabel(h);
    if (f && out[f] === undefined) out[f] = i;
  });
  return out;
}

const cellText = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "number" ? String(v) : String(v)).trim();

function parseDirection(t: string): Direction | null {
  const k = normText(t);
  if (["正向", "正", "正向指标", "越大越好", "positive", "+"].includes(k) || t.trim() === "+") return "正向";
  if (["反向", "反", "反向指标", "越小越好", "negative", "-"].includes(k) || t.trim() === "-") return "反向";
  return null;
}

function parseRange(t: string): [number, number] | null | "bad" {
  if (!t) return null;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[-–—~～至]\s*(-?\d+(?:\.\d+)?)\s*%?\s*$/.exec(t);
  if (!m) return "bad";
  const lo = Number(m[1]);
  const hi = Number(m[2]);
  return lo <= hi ? [lo, hi] : "bad";
}

/**
 * The 来源 column: the source in words, optionally followed by its address ("某县财政局 2023年…
 * http://…"), or an address alone. The level follows from both (provenanceOf); a cell without a
 * recognised level is the import's own (custom, labelled with the file name when empty).
 */
function parseProvenance(t: string, source: string): Provenance {
  const m = /(?:^|\s)(https?:\/\/\S+)\s*$/i.exec(t);
  const url = m ? m[1] : null;
  const label = m ? t.slice(0, m.index).trim() : t.trim();
  return provenanceOf(label, url, source);
}

const splitList = (t: string, re: RegExp) =>
  t
    .split(re)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Reads a custom library from rows: string[][] (a header row among the first 10, then data) or
 * records (JSON objects keyed by header labels). `mapping` fixes columns by field (an index or a
 * header label) on top of the ones detected from the headers.
 */
export function parseLibraryRows(
  rows: readonly (readonly unknown[])[] | readonly Record<string, unknown>[],
  mapping: Partial<Record<LibraryField, number | string>> = {},
  opts: ImportOptions = {},
): LibraryImport {
  const source = opts.source ?? "自定义";
  // Normalise both shapes to: header labels, data rows as arrays, their 1-based positions.
  let header: unknown[];
  let data: unknown[][];
  let firstRow: number;
  if (rows.length && !Array.isArray(rows[0])) {
    const recs = rows as readonly Record<string, unknown>[];
    header = [...new Set(recs.flatMap((r) => Object.keys(r)))];
    data = recs.map((r) => header.map((h) => r[h as string]));
    firstRow = 1;
  } else {
    const arr = rows as readonly (readonly unknown[])[];
    let best = -1;
    let bestCount = 0;
    const labels = Object.values(mapping).filter((v): v is string => typeof v === "string").map((v) => normText(v));
    for (let i = 0; i < Math.min(arr.length, 10); i++) {
      if (labels.length) {
        // Mapped by label: the header is the first row holding every label.
        const row = new Set(arr[i].map((c) => normText(cellText(c))));
        if (labels.every((l) => row.has(l))) {
          best = i;
          break;
        }
        continue;
      }
      const cols = detectColumns(arr[i]);
      const n = Object.keys(cols).length;
      if (cols.name !== undefined && n > bestCount) {
        best = i;
        bestCount = n;
      }
    }
    if (best < 0 && !Object.keys(mapping).length) return { entries: [], skipped: [], mapping: {}, error: { code: "noHeader" } };
    header = best >= 0 ? [...arr[best]] : [];
    data = arr.slice(best + 1).map((r) => [...r]);
    firstRow = best + 2;
  }

  const cols: Partial<Record<LibraryField, number>> = detectColumns(header);
  for (const [f, v] of Object.entries(mapping) as [LibraryField, number | string][]) {
    if (typeof v === "number") cols[f] = v;
    else {
      const i = header.findIndex((h) => normText(cellText(h)) === normText(v));
      if (i >= 0) cols[f] = i;
      else delete cols[f];
    }
  }
  const resolved: Partial<Record<LibraryField, number | string>> = {};
  for (const [f, i] of Object.entries(cols) as [LibraryField, number][])
    resolved[f] = rows.length && !Array.isArray(rows[0]) ? cellText(header[i]) : i;
  const missing = REQUIRED.filter((f) => cols[f] === undefined);
  if (missing.length) return { entries: [], skipped: [], mapping: resolved, error: { code: "missingColumns", columns: missing } };

  const entries: LibraryEntry[] = [];
  const skipped: SkippedRow[] = [];
  const seenId = new Map<string, number>();
  const seenIdentity = new Map<string, number>();
  data.forEach((cells, i) => {
    const rowNo = firstRow + i;
    const get = (f: LibraryField) => (cols[f] === undefined ? "" : cellText(cells[cols[f] as number]));
    if (LIBRARY_FIELDS.every((f) => get(f) === "")) return; // blank row
    const skip = (reason: SkipReason, detail: string) => void skipped.push({ row: rowNo, reason, detail });

    const name = get("name");
    if (!name) return skip("missingName", "");
    if (!get("level2")) return skip("missingLevel2", name);
    const cat = resolveCategory(get("level1") || null, get("level2"));
    if ("error" in cat) return skip(cat.error, cat.error === "badLevel1" ? get("level1") : `${get("level1")}/${get("level2")}`);

    const unitRead = libraryUnit(get("unit"));
    if (unitRead.odd) return skip("oddUnit", get("unit"));
    let unit = unitRead.unit;
    let typical = get("typical");
    if (cols.op !== undefined && get("op")) typical = joinSplitValue(get("op"), typical, null);
    const v = parseValue(typical);
    if (v.unit !== null && unit !== null && v.unit !== unit && canonicalUnit(v.unit) !== unit) {
      const g = unitGroup(unit);
      if (g === null || g === "compound" || g !== unitGroup(v.unit)) return skip("unitMismatch", `${typical} / ${get("unit")}`);
    }
    if (unit === null && v.unit !== null && v.date === null) unit = v.unit;
    if (unit && /^[=≥≤<>]?\s*(?:\d+(?:\.\d+)?|X)$/.test(typical)) typical = `${typical}${unit}`;

    const range = parseRange(get("range"));
    if (range === "bad") return skip("badRange", get("range"));
    let direction: Direction;
    if (get("direction")) {
      const d = parseDirection(get("direction"));
      if (!d) return skip("badDirection", get("direction"));
      direction = d;
    } else direction = inferDirection(cat.level2, name, typical);

    const types = splitList(get("types"), /[,，、;；\n]/).map((t) => canonicalProjectType(t) ?? t);
    const base = {
      level1: cat.level1,
      level2: cat.level2,
      name,
      definition: get("definition"),
      unit,
      valueForm: deriveValueForm(typical, unit, range),
      typical,
      direction,
      types: types.length ? [...new Set(types)] : [GENERAL_TYPE],
      aliases: splitList(get("aliases"), /[、,，;；\n]/),
      provenance: parseProvenance(get("provenance"), source),
    };
    const idText = get("id");
    let id: string;
    if (!idText) id = makeEntryId("c", base);
    else if (/^[a-z]+:\S+$/.test(idText)) id = idText;
    else if (/\s/.test(idText)) return skip("badId", idText);
    else id = `c:${idText}`;

    const identity = identityKey(base);
    const firstId = seenId.get(id);
    if (firstId !== undefined) return skip("duplicate", String(firstId));
    const firstIdentity = seenIdentity.get(identity);
    if (firstIdentity !== undefined) return skip("duplicate", String(firstIdentity));

    const parsed = LibraryEntrySchema.safeParse({ id, ...base });
    if (!parsed.success) return skip("invalid", parsed.error.issues.map((x) => x.path.join(".")).join(", "));
    seenId.set(id, rowNo);
    seenIdentity.set(identity, rowNo);
    const entry = parsed.data;
    if (opts.pinyin) entry.pinyin = entryKeys(entry).keys.map(opts.pinyin);
    entries.push(entry);
  });

  if (opts.strict && skipped.length)
    return { entries: [], skipped, mapping: resolved, error: { code: "rowsSkipped", count: skipped.length } };
  return { entries, skipped, mapping: resolved, error: null };
}

/**
 * The built-in library with a custom one merged in: a custom entry replaces the built-in entry with
 * the same id or the same name + 二级 (in place, keeping the library's order); the others are
 * appended in their order.
 */
export function mergeLibraries(builtin: readonly LibraryEntry[], custom: readonly LibraryEntry[]): LibraryEntry[] {
  const out: (LibraryEntry | null)[] = [...builtin];
  const byId = new Map<string, number>();
  const byIdentity = new Map<string, number>();
  out.forEach((e, i) => {
    byId.set(e!.id, i);
    byIdentity.set(identityKey(e!), i);
  });
  const appended: LibraryEntry[] = [];
  for (const c of custom) {
    const atId = byId.get(c.id);
    const atIdentity = byIdentity.get(identityKey(c));
    if (atId === undefined && atIdentity === undefined) {
      appended.push(c);
      continue;
    }
    const at = atId ?? atIdentity!;
    out[at] = c;
    if (atIdentity !== undefined && atIdentity !== at) out[atIdentity] = null;
  }
  return [...(out.filter(Boolean) as LibraryEntry[]), ...appended];
}

const UNIT_WORD: Record<LibraryEntry["valueForm"]["kind"], string> = { quantitative: "", date: "日期", qualitative: "定性" };

/** The library as rows for a sheet or CSV: a header row (EXPORT_HEADERS) then one row per entry. */
export function libraryToRows(entries: readonly LibraryEntry[]): string[][] {
  const rows: string[][] = [EXPORT_HEADERS.map(([, label]) => label)];
  for (const e of entries) {
    const value: Record<LibraryField, string> = {
      id: e.id,
      level1: e.level1,
      level2: e.level2,
      name: e.name,
      definition: e.definition,
      unit: e.unit ?? UNIT_WORD[e.valueForm.kind],
      op: "",
      typical: e.typical,
      range: e.valueForm.range ? `${e.valueForm.range[0]}-${e.valueForm.range[1]}` : "",
      direction: e.direction,
      types: e.types.join("、"),
      aliases: e.aliases.join("、"),
      provenance: e.provenance.url ? `${e.provenance.label} ${e.provenance.url}` : e.provenance.label,
    };
    rows.push(EXPORT_HEADERS.map(([f]) => value[f]));
  }
  return rows;
}
