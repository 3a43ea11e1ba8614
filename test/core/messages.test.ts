/**
 * Catalog parity: zh-CN and en have exactly the same keys, the same placeholders in every template,
 * and every registered rule has its title, basis, its declared message ids (no more, no less) and a
 * doc page docs/rules/<id>.md. The engine refuses undeclared message ids at run time.
 * Each page's 真实案例 / Real-world example cites a real table (a corpus file or the seed document)
 * whose cell holds what the page says was written, and whose quoted finding the engine still gives;
 * docs/rules/README.md lists every rule with its severity and policy class as in its metadata.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CATALOGS, formatMessage } from "../../src/core/messages";
import { ALL_RULES } from "../../src/core/rules/registry";
import { POLICY_CLASSES, type PolicyClass } from "../../src/core/rules/policy";
import { runRules } from "../../src/core/rules/engine";
import type { Rule } from "../../src/core/rules/types";
import type { Severity } from "../../src/core/model/schema";
import { parseA1 } from "../../src/core/grid/a1";
import { loadCorpus, runCorpus } from "../../scripts/corpus/score";
import { buildSampleWorkbook } from "../../src/sample/workbooks";
import { sampleTables } from "../rules/_department";
import { makeTable } from "../helpers/table";

const DOCS = path.join(__dirname, "../../docs/rules");

type Tree = { [k: string]: Tree | string };

function leaves(node: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(node)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const zh = leaves(CATALOGS["zh-CN"] as unknown as Tree);
const en = leaves(CATALOGS.en as unknown as Tree);

test("zh-CN and en have exactly the same keys", () => {
  expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
});

test("every template has the same placeholders in both languages", () => {
  // English may use an "<name>En" variant of a placeholder (e.g. {linesEn}: "1, 2, 3" vs "1、2、3").
  const diff: string[] = [];
  for (const [k, v] of zh) {
    const e = en.get(k);
    const enNames = e === undefined ? [] : placeholders(e).map((n) => n.replace(/En$/, "")).sort();
    if (e !== undefined && placeholders(v).join() !== enNames.join()) diff.push(k);
  }
  expect(diff).toEqual([]);
});

test("no template is empty, and zh-CN text is Chinese", () => {
  for (const [k, v] of zh) {
    expect(`${k}: ${v.trim()}`).not.toBe(`${k}: `);
  }
  const ruleTexts = [...zh].filter(([k]) => k.startsWith("rules.") && k.includes(".messages."));
  for (const [k, v] of ruleTexts) expect(`${k}: ${/[\u4e00-\u9fff]/.test(v)}`).toBe(`${k}: true`);
});

describe.each(ALL_RULES.map((r) => [r.meta.id, r] as [string, Rule]))("rule %s", (id, rule) => {
  test("has title, basis and exactly its declared message ids in both catalogs", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const entry = (CATALOGS[locale].rules as Record<string, { title: string; basis: string; messages: Record<string, string> }>)[id];
      expect(entry).toBeDefined();
      expect(entry.title.length).toBeGreaterThan(0);
      expect(entry.basis.length).toBeGreaterThan(0);
      expect(Object.keys(entry.messages).sort()).toEqual([...rule.meta.messageIds].sort());
    }
  });
  test("has a doc page with what/why/basis/bad/good", () => {
    const file = path.join(DOCS, `${id}.md`);
    expect(fs.existsSync(file)).toBe(true);
    const md = fs.readFileSync(file, "utf8");
    expect(md.startsWith(`# ${id}`)).toBe(true);
    for (const h of ["## 检查什么", "## 为什么", "## 依据", "## 错误示例", "## 正确示例"]) expect(md).toContain(h);
  });
  test("its doc page states its severity, policy class and opinion code as in its metadata", () => {
    const md = fs.readFileSync(path.join(DOCS, `${id}.md`), "utf8");
    const sevLine = md.split("\n").find((l) => l.startsWith("严重性 / Severity:"));
    expect(sevLine).toContain(`/ ${rule.meta.defaultSeverity}**`);
    expect(sevLine).toContain(`/ ${rule.meta.policy}`);
    for (const m of Object.keys(rule.meta.messagePolicy ?? {})) expect(sevLine).toContain(`\`${m}\``);
    const opLine = md.split("\n").find((l) => l.startsWith("审核意见 / Review opinion:"));
    expect(opLine).toBeDefined();
    expect(opLine!.startsWith(`审核意见 / Review opinion: **${rule.meta.opinion}**`)).toBe(true);
    for (const [m, code] of Object.entries(rule.meta.messageOpinion ?? {})) expect(opLine).toContain(`\`${m}\`：${code}`);
  });
});

test("every doc page belongs to a registered rule", () => {
  const ids = new Set(ALL_RULES.map((r) => r.meta.id));
  const pages = fs.readdirSync(DOCS).filter((f) => f.endsWith(".md") && f !== "README.md");
  expect(pages.filter((f) => !ids.has(f.replace(/\.md$/, "")))).toEqual([]);
});

test("rule ids are unique kebab-case", () => {
  const ids = ALL_RULES.map((r) => r.meta.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
});

test("the engine rejects a report with an undeclared message id", () => {
  const bad: Rule = {
    meta: { ...ALL_RULES[0].meta, messageIds: ["declared"] },
    check: (ctx) => ctx.report({ messageId: "undeclared", cell: null }),
  };
  expect(() => runRules([makeTable()], { rules: [bad] })).toThrow(/undeclared message id/);
});

test("formatMessage fills placeholders and throws on an unknown message", () => {
  expect(formatMessage("en", "plan-blank", Object.keys((CATALOGS.en.rules as Record<string, { messages: Record<string, string> }>)["plan-blank"].messages)[0], {})).toBeTruthy();
  expect(() => formatMessage("zh-CN", "no-such-rule", "x")).toThrow();
});

// ---------------------------------------------------------------------------------------------
// 真实案例 / Real-world example: every page shows a real case with its source, or says there is none.

const EXAMPLE_HEADING = "## 真实案例 (Real-world example)";
const NO_CASE = "语料中尚无真实案例 / no real case in the corpus yet";
/** How a page names the seed document (docs/domain.md, "The seed document"). */
const SEED = "2022年部门预算（种子文档，真实）";

interface Example {
  rule: string;
  /** The corpus file id (test/corpus/tables/<id>.json), or null when the case is from the seed. */
  corpus: string | null;
  seed: boolean;
  /** The sample workbook's sheet, for a seed case. */
  sheet: string | undefined;
  cell: string;
  /** What the page says the cell holds; "" for （空白）, undefined when it does not say. */
  written: string | undefined;
  /** The engine's finding quoted under the case, if any. */
  quote?: string;
}

function exampleSection(id: string): string | null {
  const md = fs.readFileSync(path.join(DOCS, `${id}.md`), "utf8");
  const at = md.indexOf(`\n${EXAMPLE_HEADING}\n`);
  if (at < 0) return null;
  const rest = md.slice(at + EXAMPLE_HEADING.length + 2);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** "单元格 D16（“…”）", "单元格 项目绩效目标表!B49（空白）", "单元格 B11：" */
const CELL_REF = /单元格 (?:([^\s!（]+)!)?([A-Z]{1,3}[0-9]+)(?:（“(.*?)”）|（(空白)）)?/;

/** One case per paragraph naming a cell; a "> " paragraph after it is the finding it quotes. */
function examplesOf(id: string, section: string): Example[] {
  const out: Example[] = [];
  for (const para of section.split(/\n\s*\n/).map((p) => p.trim())) {
    const m = CELL_REF.exec(para);
    if (m) {
      const corpus = /test\/corpus\/tables\/([\w-]+)\.json/.exec(para)?.[1] ?? null;
      out.push({ rule: id, corpus, seed: para.includes(SEED), sheet: m[1], cell: m[2], written: m[4] ? "" : m[3] });
    } else if (para.startsWith("> ") && out.length > 0) out[out.length - 1].quote = para.slice(2);
  }
  return out;
}

/** Corpus ids a section names: file paths and `<province>-<place>-<year>-<short>` in backticks. */
function corpusIdsNamed(section: string): string[] {
  const paths = [...section.matchAll(/test\/corpus\/tables\/([\w-]+)\.json/g)].map((m) => m[1]);
  const ids = [...section.matchAll(/`([a-z]+-[a-z0-9-]*?-(?:19|20)\d\d-[a-z0-9-]+)`/g)].map((m) => m[1]);
  return [...new Set([...paths, ...ids])];
}

const CORPUS_DIR = path.join(__dirname, "../corpus/tables");
const corpusTables = new Map(loadCorpus().map((t) => [t.id, t]));
let sampleWorkbook: ReturnType<typeof buildSampleWorkbook> | null = null;

function seedCellText(sheet: string, cell: string): string | null {
  sampleWorkbook ??= buildSampleWorkbook();
  const ws = sampleWorkbook.getWorksheet(sheet);
  if (!ws) return null;
  const v = ws.getCell(cell).value;
  return v === null || v === undefined ? "" : String(v);
}

function corpusCellText(id: string, cell: string): string | null {
  const t = corpusTables.get(id);
  const p = parseA1(cell);
  if (!t || !p) return null;
  const v = t.rows[p.row]?.[p.col];
  return v === undefined || v === null ? "" : String(v);
}

describe.each(ALL_RULES.map((r) => [r.meta.id] as [string]))("rule %s: 真实案例", (id) => {
  const section = exampleSection(id);
  const examples = section === null ? [] : examplesOf(id, section);

  test("its page has a 真实案例 / Real-world example: real cases with their source, or a plain statement that there is none", () => {
    expect(section).not.toBeNull();
    if (section!.includes(NO_CASE)) expect(examples).toEqual([]);
    else expect(examples.length).toBeGreaterThan(0);
    for (const e of examples) {
      // exactly one source: a corpus file (one sheet, no sheet name) or the seed (sheet of the sample workbook)
      expect(`${e.cell}: corpus ${e.corpus !== null}, seed ${e.seed}, sheet ${e.sheet !== undefined}`).toBe(
        `${e.cell}: corpus ${e.corpus !== null}, seed ${e.corpus === null}, sheet ${e.corpus === null}`,
      );
    }
  });

  test("every corpus id it names is a file of test/corpus/tables", () => {
    const named = section === null ? [] : corpusIdsNamed(section);
    expect(named.filter((c) => !fs.existsSync(path.join(CORPUS_DIR, `${c}.json`)))).toEqual([]);
  });

  test("each cited cell holds what the page says was written there", () => {
    for (const e of examples.filter((x) => x.written !== undefined)) {
      const text = e.corpus !== null ? corpusCellText(e.corpus, e.cell) : seedCellText(e.sheet!, e.cell);
      // the corpus is quoted whole; a long seed cell (a goal, the measures) may be quoted in part
      const holds = e.written === "" || e.corpus !== null ? text === e.written : text !== null && text.includes(e.written!);
      expect(`${e.corpus ?? e.sheet}!${e.cell} holds “${e.written}”: ${holds}`).toBe(`${e.corpus ?? e.sheet}!${e.cell} holds “${e.written}”: true`);
    }
  });
});

test("every finding a page quotes is what the engine reports at that cell today", async () => {
  const quoted = ALL_RULES.flatMap((r) => {
    const s = exampleSection(r.meta.id);
    return s === null ? [] : examplesOf(r.meta.id, s);
  }).filter((e) => e.quote !== undefined);
  expect(quoted.length).toBeGreaterThan(0);
  const cited = new Set(quoted.flatMap((e) => (e.corpus !== null ? [e.corpus] : [])));
  const corpusRun = await runCorpus([...corpusTables.values()].filter((t) => cited.has(t.id)));
  const seedIssues = runRules(sampleTables());
  const wrong = quoted.flatMap((e) => {
    const messages =
      e.corpus !== null
        ? corpusRun.findings.filter((f) => f.table === e.corpus && f.rule === e.rule && f.cell === e.cell).map((f) => f.message)
        : seedIssues.filter((i) => i.sheet === e.sheet && i.rule === e.rule && i.cell === e.cell).map((i) => i.message);
    return messages.includes(e.quote!) ? [] : [`${e.rule} on ${e.corpus ?? e.sheet}!${e.cell}: the engine says ${messages.join(" | ") || "nothing"}`];
  });
  expect(wrong).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// docs/rules/README.md: the list of rules under the severity policy.

const SEVERITY_LABEL: Record<Severity, string> = { error: "错误 / error", warning: "警告 / warning", info: "提示 / info" };
const CLASS_LABEL: Record<PolicyClass, string> = { arithmetic: "数字矛盾", required: "必填值缺失", review: "审核退回", format: "格式", hint: "提示" };

/** The README row of a rule, from its metadata and its zh-CN title. */
function readmeRow(rule: Rule): string {
  const m = rule.meta;
  const title = (CATALOGS["zh-CN"].rules as Record<string, { title: string }>)[m.id].title;
  const perMessage =
    Object.entries(m.messagePolicy ?? {})
      .map(([msg, c]) => `\`${msg}\`：\`${c}\` ${CLASS_LABEL[c]}`)
      .join("；") || "—";
  return `| [\`${m.id}\`](${m.id}.md) | ${title} | **${SEVERITY_LABEL[m.defaultSeverity]}** | \`${m.policy}\` ${CLASS_LABEL[m.policy]} | ${perMessage} | ${m.opinion} |`;
}

test("docs/rules/README.md lists every rule, by policy class, with its severity, classes and opinion code", () => {
  const md = fs.readFileSync(path.join(DOCS, "README.md"), "utf8");
  const rows = md.split("\n").filter((l) => l.startsWith("| [`"));
  const byClass = [...ALL_RULES].sort(
    (a, b) => POLICY_CLASSES.indexOf(a.meta.policy) - POLICY_CLASSES.indexOf(b.meta.policy) || a.meta.id.localeCompare(b.meta.id),
  );
  expect(rows).toEqual(byClass.map(readmeRow));
});
