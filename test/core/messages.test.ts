/**
 * Catalog parity: zh-CN and en have exactly the same keys, the same placeholders in every template,
 * and every registered rule has its title, basis, its declared message ids (no more, no less) and a
 * doc page docs/rules/<id>.md. The engine refuses undeclared message ids at run time.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CATALOGS, formatMessage } from "../../src/core/messages";
import { ALL_RULES } from "../../src/core/rules/registry";
import { runRules } from "../../src/core/rules/engine";
import type { Rule } from "../../src/core/rules/types";
import { makeTable } from "../helpers/table";

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
    const file = path.join(__dirname, "../../docs/rules", `${id}.md`);
    expect(fs.existsSync(file)).toBe(true);
    const md = fs.readFileSync(file, "utf8");
    expect(md.startsWith(`# ${id}`)).toBe(true);
    for (const h of ["## 检查什么", "## 为什么", "## 依据", "## 错误示例", "## 正确示例"]) expect(md).toContain(h);
  });
  test("its doc page states its severity, policy class and opinion code as in its metadata", () => {
    const md = fs.readFileSync(path.join(__dirname, "../../docs/rules", `${id}.md`), "utf8");
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
  const pages = fs.readdirSync(path.join(__dirname, "../../docs/rules")).filter((f) => f.endsWith(".md") && f !== "README.md");
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
