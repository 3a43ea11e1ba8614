/**
 * Generates src/core/library/builtin.json, the built-in indicator library:
 *   - the 243 rows of seed-indicators.tsv (the project's starting list, docs/domain.md §e): 235 indicators,
 *     their source said in words by sources.tsv (the address kept for audit; the source level follows
 *     from label and address, schema.ts provenanceOf), and the 8 反例 rows as anti-patterns (never suggested);
 *   - the hand-written entries of supplement/*.txt (常见做法, or the source an `@来源` line names;
 *     format in supplement/README.md).
 * Every entry is validated (schema, category of either form, unit, no process measure, no duplicate
 * name + 二级 + type, no alias that is another entry's standard name) and gets its pinyin precomputed.
 *
 * Run: node scripts/library/build.mjs   (prints the counts by category and project type)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  LibraryEntrySchema,
  belongsEither,
  deriveValueForm,
  entryKeys,
  identityKey,
  inferDirection,
  libraryUnit,
  provenanceOf,
  makeEntryId,
  type AntiPattern,
  type LibraryEntry,
} from "../../src/core/library/schema";
import { canonicalProjectType } from "../../src/core/library/project-types";
import { pinyinOf } from "../../src/core/library/pinyin";
import { parseValue } from "../../src/core/value/parse";
import { processKind } from "../../src/core/rules/process-indicator";
import { normText } from "../../src/core/rules/utils/text";
import { SEED_ALIASES, SEED_TYPICAL } from "./seed-extras";

/** Run from the repository root (build.mjs bundles this file into a temp dir). */
const ROOT = process.cwd();
const HERE = path.join(ROOT, "scripts/library");
const OUT = path.join(ROOT, "src/core/library/builtin.json");

const L2_CODES: Record<string, [string, string]> = {
  数量: ["产出指标", "数量指标"],
  质量: ["产出指标", "质量指标"],
  时效: ["产出指标", "时效指标"],
  成本: ["产出指标", "成本指标"],
  经济: ["效益指标", "经济效益指标"],
  社会: ["效益指标", "社会效益指标"],
  生态: ["效益指标", "生态效益指标"],
  可持续: ["效益指标", "可持续影响指标"],
  满意: ["满意度指标", "服务对象满意度指标"],
  经成: ["成本指标", "经济成本指标"],
  社成: ["成本指标", "社会成本指标"],
  生成: ["成本指标", "生态环境成本指标"],
};

const SATISFACTION_RANGE: [number, number] = [85, 98];

function fail(msg: string): never {
  throw new Error(`build-library: ${msg}`);
}

interface Draft {
  level1: string;
  level2: string;
  name: string;
  definition: string;
  unitText: string;
  typical: string;
  types: string[];
  aliases: string[];
  range: [number, number] | null;
  provenance: LibraryEntry["provenance"];
  where: string;
}

function types(list: string[], where: string): string[] {
  const out: string[] = [];
  for (const t of list) {
    const c = canonicalProjectType(t);
    if (c === null) fail(`${where}: unknown project type "${t}"`);
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

/** Puts an explicit operator on quantitative typical values and the unit on bare numbers. */
function cleanTypical(typical: string, unit: string | null): string {
  const v = parseValue(typical);
  let t = typical.trim();
  if (v.kind === "quantitative" && v.date === null && v.op === null && !/^[≥≤=<>±]/.test(t)) t = `=${t}`;
  if (unit && v.kind === "quantitative" && v.unit === null && /^[=≥≤<>]?\s*[\d.]+$/.test(t)) t = `${t}${unit}`;
  if (unit && /^[=≥≤<>]?X$/.test(t)) t = `${t}${unit}`;
  if (/^X[^月]/.test(t)) t = `=${t}`; // a template without operator: "X天" → "=X天"
  return t;
}

/** sources.tsv: the words of every source the seed names (source → label). */
function readSources(): Map<string, string> {
  const map = new Map<string, string>();
  fs.readFileSync(path.join(HERE, "sources.tsv"), "utf8")
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim() || line.startsWith("#")) return;
      const [source, label] = line.split("\t").map((s) => (s ?? "").trim());
      if (!source || !label) fail(`sources.tsv:${i + 1}: expected "source<TAB>label"`);
      if (/https?:\/\//.test(label)) fail(`sources.tsv:${i + 1}: the label must say the source in words, not an address`);
      map.set(source, label);
    });
  return map;
}

function readSeed(): { drafts: Draft[]; anti: AntiPattern[] } {
  const sources = readSources();
  const text = fs.readFileSync(path.join(HERE, "seed-indicators.tsv"), "utf8");
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  const drafts: Draft[] = [];
  const anti: AntiPattern[] = [];
  lines.slice(1).forEach((line, i) => {
    const where = `seed-indicators.tsv:${i + 2}`;
    const [level1, level2, name, def, unit, typical0, type, url] = line.split("\t").map((s) => (s ?? "").trim());
    if (type.startsWith("反例")) {
      anti.push({ name, definition: def, note: type, url: url.startsWith("http") ? url : null, source: url || null });
      return;
    }
    const fixed = SEED_TYPICAL[typical0];
    const label = sources.get(url) ?? fail(`${where}: source "${url}" has no label in sources.tsv`);
    drafts.push({
      level1,
      level2,
      name,
      definition: fixed ? `${def}（${fixed[1]}）` : def,
      unitText: unit,
      typical: fixed ? fixed[0] : typical0,
      types: types([type], where),
      aliases: SEED_ALIASES[name] ?? [],
      range: null,
      provenance: provenanceOf(label, url.startsWith("http") ? url : null),
      where,
    });
  });
  for (const n of Object.keys(SEED_ALIASES))
    if (!drafts.some((d) => d.name === n)) fail(`seed-extras: SEED_ALIASES names "${n}", which is not a seed row`);
  return { drafts, anti };
}

function readSupplements(): Draft[] {
  const dir = path.join(HERE, "supplement");
  const drafts: Draft[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
    // "@来源 <label>" sets the source of the lines below it (until the next one); default 常见做法.
    let source = "常见做法";
    fs.readFileSync(path.join(dir, file), "utf8")
      .split(/\r?\n/)
      .forEach((line, i) => {
        if (!line.trim() || line.startsWith("#")) return;
        const where = `supplement/${file}:${i + 1}`;
        if (line.startsWith("@来源")) {
          source = line.slice("@来源".length).trim() || fail(`${where}: @来源 without a label`);
          if (provenanceOf(source, null).kind === "custom") fail(`${where}: @来源 "${source}" names no source level (常见做法…, 依据…, 资料：…)`);
          return;
        }
        const f = line.split("|").map((s) => s.trim());
        if (f.length < 7 || f.length > 8) fail(`${where}: expected 7 or 8 fields, got ${f.length}`);
        const [code, name, definition, unitText, typical, typeList, aliasList, rangeText] = f;
        const cat = L2_CODES[code] ?? fail(`${where}: unknown 二级 code "${code}"`);
        let range: [number, number] | null = null;
        if (rangeText) {
          const m = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(rangeText) ?? fail(`${where}: bad range "${rangeText}"`);
          range = [Number(m[1]), Number(m[2])];
        }
        drafts.push({
          level1: cat[0],
          level2: cat[1],
          name,
          definition,
          unitText,
          typical,
          types: types(typeList.split(/[,，]/), where),
          aliases: aliasList ? aliasList.split("、").map((s) => s.trim()).filter(Boolean) : [],
          range,
          provenance: provenanceOf(source, null),
          where,
        });
      });
  }
  return drafts;
}

function toEntry(d: Draft): LibraryEntry {
  if (!belongsEither(d.level1, d.level2)) fail(`${d.where}: ${d.level2} does not belong to ${d.level1}`);
  const u = libraryUnit(d.unitText);
  if (u.odd) fail(`${d.where}: unknown unit "${d.unitText}"`);
  if (!d.definition || normText(d.definition) === normText(d.name)) fail(`${d.where}: definition missing or equal to the name`);
  if (processKind(d.name) !== null) fail(`${d.where}: "${d.name}" is a process measure (process-indicator would flag it)`);
  const typical = cleanTypical(d.typical, u.unit);
  const range = d.range ?? (d.level2 === "服务对象满意度指标" && u.unit === "%" ? SATISFACTION_RANGE : null);
  const base = {
    level1: d.level1,
    level2: d.level2,
    name: d.name,
    definition: d.definition,
    unit: u.unit,
    valueForm: deriveValueForm(typical, u.unit, range),
    typical,
    direction: inferDirection(d.level2, d.name, typical),
    types: d.types,
    aliases: d.aliases,
    provenance: d.provenance,
  };
  const entry: LibraryEntry = { id: makeEntryId("b", base), ...base };
  const { keys } = entryKeys(entry);
  entry.pinyin = keys.map(pinyinOf);
  return LibraryEntrySchema.parse(entry);
}

function main(): void {
  const { drafts: seed, anti } = readSeed();
  const supplement = readSupplements();
  const entries = [...seed, ...supplement].map(toEntry);
  const where = new Map<LibraryEntry, string>();
  [...seed, ...supplement].forEach((d, i) => where.set(entries[i], d.where));

  // Ids, duplicates (name + 二级 + type), ambiguous aliases.
  const ids = new Map<string, LibraryEntry>();
  const identity = new Map<string, LibraryEntry>();
  const standardKeys = new Map<string, LibraryEntry>();
  for (const e of entries) {
    if (ids.has(e.id)) fail(`${where.get(e)}: id collision with ${where.get(ids.get(e.id)!)}`);
    ids.set(e.id, e);
    for (const t of e.types) {
      const k = `${identityKey(e)}|${t}`;
      if (identity.has(k)) fail(`${where.get(e)}: duplicate of ${where.get(identity.get(k)!)} (${e.name}, ${e.level2}, ${t})`);
      identity.set(k, e);
    }
    const { keys, standard } = entryKeys(e);
    for (const k of keys.slice(0, standard)) {
      const other = standardKeys.get(`${k}|${e.level2}`);
      if (other && other !== e && other.types.some((t) => e.types.includes(t)))
        fail(`${where.get(e)}: standard name "${k}" also standard in ${where.get(other)}`);
      standardKeys.set(`${k}|${e.level2}`, e);
    }
  }
  const anyStandard = new Map<string, LibraryEntry>();
  for (const e of entries) {
    const { keys, standard } = entryKeys(e);
    for (const k of keys.slice(0, standard)) if (!anyStandard.has(k)) anyStandard.set(k, e);
  }
  const problems: string[] = [];
  for (const e of entries) {
    const { keys, standard } = entryKeys(e);
    for (const k of keys.slice(standard)) {
      const other = anyStandard.get(k);
      if (other && other !== e) problems.push(`${where.get(e)}: alias "${k}" is the standard name of ${other.name} (${where.get(other)})`);
    }
  }
  if (problems.length) fail(problems.join("\n"));

  const json =
    "{\n" +
    `  "version": 1,\n` +
    `  "antiPatterns": [\n${anti.map((a) => "    " + JSON.stringify(a)).join(",\n")}\n  ],\n` +
    `  "entries": [\n${entries.map((e) => "    " + JSON.stringify(e)).join(",\n")}\n  ]\n` +
    "}\n";
  fs.writeFileSync(OUT, json);

  const byCat = new Map<string, number>();
  const byType = new Map<string, number>();
  for (const e of entries) {
    byCat.set(`${e.level1}/${e.level2}`, (byCat.get(`${e.level1}/${e.level2}`) ?? 0) + 1);
    for (const t of e.types) byType.set(t, (byType.get(t) ?? 0) + 1);
  }
  console.log(`${path.relative(ROOT, OUT)}: ${entries.length} entries (${seed.length} from the seed, ${supplement.length} from the supplements), ${anti.length} anti-patterns`);
  const byLevel = new Map<string, number>();
  for (const e of entries) byLevel.set(e.provenance.kind, (byLevel.get(e.provenance.kind) ?? 0) + 1);
  for (const [k, n] of byLevel) console.log(`  source level ${k}\t${n}`);
  for (const [k, n] of byCat) console.log(`  ${k}\t${n}`);
  for (const [k, n] of [...byType].sort((a, b) => b[1] - a[1])) console.log(`  ${k}\t${n}`);
}

main();
