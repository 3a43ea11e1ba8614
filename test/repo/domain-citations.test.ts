/**
 * Every "domain §…" citation in the repository resolves to a part, subsection or numbered item of
 * docs/domain.md, and every source key (S-QDG, S-VND, …) cited beside them is listed in its §0.
 *
 * Keys of docs/domain.md: a part heading `## a.` gives `a` (and `## 0.` gives `0`); a subsection
 * heading `### a1.` or a bold item `**b1.` gives `a1` / `b1`; a numbered list item `12.` at the start
 * of a line in part f gives `f12`; a catalogue row `| R5 |` in part g gives `gR5`; a source row
 * `| S-QDG |` in part 0 gives the source key.
 *
 * Citation forms found in code, messages and doc pages: `§b5`, `§f 21`, `§f24–26` (a range),
 * `§f 12, 14, 19` (a list), `§g R11`, `§a5 相关性`, and source keys `S-FSOU1/2` (= S-FSOU1 and S-FSOU2).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT, repoTextFiles } from "./files";

const DOMAIN = "docs/domain.md";
const SECTION = "\u00a7"; // written as an escape so that this file's examples are not citations

export interface DomainKeys {
  sections: Set<string>;
  sources: Set<string>;
  duplicates: string[];
}

export function domainKeys(markdown: string): DomainKeys {
  const sections = new Set<string>();
  const sources = new Set<string>();
  const duplicates: string[] = [];
  const add = (key: string) => {
    if (sections.has(key)) duplicates.push(key);
    sections.add(key);
  };
  let part = "";
  for (const line of markdown.split(/\r?\n/)) {
    let m: RegExpExecArray | null;
    if ((m = /^## ([0a-h])\. /.exec(line))) {
      part = m[1];
      add(part);
    } else if ((m = /^### ([a-h]\d+)\. /.exec(line)) || (m = /^\*\*([a-h]\d+)\. /.exec(line))) {
      if (m[1][0] !== part) throw new Error(`${DOMAIN}: ${m[1]} stands in part ${part}`);
      add(m[1]);
    } else if (part === "f" && (m = /^(\d+)\. /.exec(line))) {
      add(`f${m[1]}`);
    } else if (part === "g" && (m = /^\| (R\d+) \|/.exec(line))) {
      add(`g${m[1]}`);
    } else if (part === "0" && (m = /^\| (S-[\w-]+) \|/.exec(line))) {
      if (sources.has(m[1])) duplicates.push(m[1]);
      sources.add(m[1]);
    }
  }
  return { sections, sources, duplicates };
}

/** One number, or a range "24–26" / "24-26", expanded. */
function expand(item: string): string[] {
  const [from, to] = item.split(/\s?[–-]\s?/).map(Number);
  if (to === undefined) return [String(from)];
  if (!(to > from)) return [item]; // not a range: left as is, so that it cannot resolve
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

const NUMBER = "\\d{1,2}(?:\\s?[–-]\\s?\\d{1,2})?";
const CITATION = new RegExp(
  `${SECTION}\\s?([0a-h])(?:\\s?(R\\d+)|\\s?(${NUMBER}(?:,\\s?${NUMBER}(?![\\d年月%]))*))?(?![\\w])`,
  "g",
);
const SOURCE = /(?<![\w-])S-([A-Z0-9]+[a-z]?)(?:\/(\d+))?(?![\w-])/g;

/** The section keys that `text` cites, e.g. "§f24–26, §g R11" → f24, f25, f26, gR11. */
export function citedSections(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(CITATION)) {
    const [, part, row, numbers] = m;
    if (row) keys.push(`${part}${row}`);
    else if (numbers) for (const item of numbers.split(/,\s?/)) keys.push(...expand(item).map((n) => `${part}${n}`));
    else keys.push(part);
  }
  return keys;
}

/** The source keys that `text` cites, e.g. "S-FSOU1/2" → S-FSOU1, S-FSOU2. */
export function citedSources(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(SOURCE)) {
    keys.push(`S-${m[1]}`);
    if (m[2]) keys.push(`S-${m[1].replace(/\d+$/, "")}${m[2]}`);
  }
  return keys;
}

const domainText = readFileSync(path.join(REPO_ROOT, DOMAIN), "utf8");
const keys = domainKeys(domainText);

describe("the citation parser", () => {
  const s = SECTION;
  test.each([
    [`(domain ${s}b9, ${s}a1; seed ${s}f20, ${s}f24–26)`, ["b9", "a1", "f20", "f24", "f25", "f26"]],
    [`domain.md ${s}f 21：种子表格`, ["f21"]],
    [`(domain.md ${s}f 12, 14, 19, 22, 23, 25)`, ["f12", "f14", "f19", "f22", "f23", "f25"]],
    [`(domain.md ${s}f 6–10, 14–18, 20)`, ["f6", "f7", "f8", "f9", "f10", "f14", "f15", "f16", "f17", "f18", "f20"]],
    [`"domain ${s}g R11", "domain ${s}a5 相关性", domain.md ${s}a`, ["gR11", "a5", "a"]],
    [`(domain ${s}f7, 2022年预算) and ${s}c, 3月底`, ["f7", "c"]],
    [`domain.md ${s}b10、${s}b1`, ["b10", "b1"]],
  ])("%s", (text, expected) => {
    expect(citedSections(text)).toEqual(expected);
  });

  test("source keys, with the S-FSOU1/2 shorthand", () => {
    expect(citedSources("[V S-FSOU1/2、S-360；R 88号] S-FJ1/S-FJ2, S-101a, UTF-8, XLS-A")).toEqual([
      "S-FSOU1", "S-FSOU2", "S-360", "S-FJ1", "S-FJ2", "S-101a",
    ]);
  });

  test("a citation of an item that does not exist is caught", () => {
    const missing = citedSections(`domain ${s}f99, ${s}b13, ${s}g R14, ${s}a6`).filter((k) => !keys.sections.has(k));
    expect(missing).toEqual(["f99", "b13", "gR14", "a6"]);
  });
});

describe(DOMAIN, () => {
  test("has every part, the numbered items the rules cite, and no key twice", () => {
    for (const k of ["0", "a", "b", "c", "d", "e", "f", "g", "h", "a1", "a5", "b1", "b12", "f1", "f31", "gR1", "gR13"]) {
      expect({ k, present: keys.sections.has(k) }).toEqual({ k, present: true });
    }
    expect(keys.sources.size).toBeGreaterThan(30);
    expect(keys.duplicates).toEqual([]);
  });

  test("every domain citation in the repository resolves to a heading or numbered item", () => {
    const files = repoTextFiles();
    let cited = 0;
    const unresolved: string[] = [];
    for (const f of files) {
      f.text.split(/\r?\n/).forEach((line, i) => {
        for (const key of citedSections(line)) {
          cited++;
          if (!keys.sections.has(key)) unresolved.push(`${f.path}:${i + 1}: ${SECTION}${key}`);
        }
      });
    }
    expect(cited).toBeGreaterThan(250);
    expect(unresolved).toEqual([]);
  });

  test("every source key cited beside them is listed in its §0", () => {
    const unresolved: string[] = [];
    for (const f of repoTextFiles()) {
      f.text.split(/\r?\n/).forEach((line, i) => {
        for (const key of citedSources(line)) if (!keys.sources.has(key)) unresolved.push(`${f.path}:${i + 1}: ${key}`);
      });
    }
    expect(unresolved).toEqual([]);
  });
});
