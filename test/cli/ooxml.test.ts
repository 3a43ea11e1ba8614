/**
 * The .xlsx read path (src/cli/read/ooxml.ts on the tokenizer src/cli/read/xml.ts):
 * - the tokenizer against saxes (a conforming XML parser) on generated documents;
 * - crafted packages with what SpreadsheetML allows and ExcelJS-written files rarely hold (inline
 *   and rich strings with phonetic runs, namespace prefixes, cells without references, booleans,
 *   errors, ISO dates, formulas, entities, CDATA, _xHHHH_ escapes, relative and absolute targets);
 * - cell for cell against SheetJS (the reader it replaced for .xlsx) on every fixture and every
 *   real table of the corpus: values, merged areas, and the number formats' meaning (date, percent);
 * - a used range too large to hold is refused with the sheet and range named.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { isDateFormat, type CellGrid } from "../../src/core/grid/cellgrid";
import { XmlCursor, Tok } from "../../src/cli/read/xml";
import { readWorkbook, sheetJs, sheetJsBook, bookToGrids } from "../../src/cli/read/workbook";
import { DEFAULT_LIMITS } from "../../src/cli/read/limits";
import { ReadProblem } from "../../src/cli/read/problem";
import { MAX_GRID_CELLS } from "../../src/cli/read/grid";
import { loadCorpus, tableToXlsx } from "../../scripts/corpus/score";
import { makeZip } from "../helpers/zip";
import { xlsxFiles } from "../helpers/files";

const ROOT = path.resolve(__dirname, "../..");
const GEN = path.join(ROOT, "test/fixtures/generated");

beforeAll(() => {
  if (!fs.existsSync(path.join(GEN, "seed.xlsx"))) {
    execFileSync("node", ["scripts/build-cli.mjs", "--quiet"], { cwd: ROOT });
    execFileSync("node", ["lib/make-fixtures.js", "--quiet"], { cwd: ROOT });
  }
}, 60000);

// ---------------------------------------------------------------------------------------------
// The tokenizer against saxes

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  /** Character data of a leaf element (entities decoded, CDATA as written). */
  text: string;
}

const local = (n: string) => n.slice(n.indexOf(":") + 1);

/** The document's elements as saxes reads them (names and attribute names without prefixes). */
function viaSaxes(xml: string): Node {
  const root: Node = { name: "#root", attrs: {}, children: [], text: "" };
  const stack = [root];
  const p = new SaxesParser();
  p.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) if (!k.startsWith("xmlns") && ATTR_NAMES.includes(local(k))) attrs[local(k)] = v as string;
    const node: Node = { name: local(tag.name), attrs, children: [], text: "" };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  p.on("closetag", () => void stack.pop());
  p.on("text", (t) => (stack[stack.length - 1].text += t));
  p.on("cdata", (t) => (stack[stack.length - 1].text += t));
  p.write(xml).close();
  return root;
}

/** The same with XmlCursor: each element's attributes asked for by name, a leaf's text with text(). */
function viaCursor(xml: string, attrNames: string[]): Node {
  const root: Node = { name: "#root", attrs: {}, children: [], text: "" };
  const stack = [root];
  const x = new XmlCursor(xml);
  for (;;) {
    const t = x.next();
    if (t === Tok.End) break;
    if (t === Tok.Close) {
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrNames) {
      const v = x.attr(a);
      if (v !== null) attrs[a] = v;
    }
    const node: Node = { name: x.name, attrs, children: [], text: "" };
    stack[stack.length - 1].children.push(node);
    if (!x.empty) stack.push(node);
  }
  return root;
}

/** Leaf texts in document order, by each reader. */
function leafTexts(xml: string): { saxes: string[]; cursor: string[] } {
  const saxes: string[] = [];
  const walk = (n: Node) => (n.children.length ? n.children.forEach(walk) : n.name !== "#root" && saxes.push(n.text));
  walk(viaSaxes(xml));
  const cursor: string[] = [];
  const x = new XmlCursor(xml);
  // A leaf is an element whose next token is its own end tag: read every start tag's text() when
  // saxes says it is a leaf (same order), skipping into the others.
  let k = 0;
  const leaves = new Set<number>();
  const mark = (n: Node) => {
    if (n.name !== "#root") {
      if (!n.children.length) leaves.add(k);
      k++;
    }
    n.children.forEach(mark);
  };
  mark(viaSaxes(xml));
  let i = 0;
  for (;;) {
    const t = x.next();
    if (t === Tok.End) break;
    if (t !== Tok.Open) continue;
    if (leaves.has(i++)) cursor.push(x.text());
  }
  return { saxes, cursor };
}

const NAMES = ["c", "v", "x:row", "sheetData", "t", "r", "si", "a.b", "x14ac:dy"];
const ATTR_NAMES = ["r", "t", "s", "Id", "name", "formatCode", "id"];
const textArb = fc
  .array(
    fc.oneof(
      fc.constantFrom("a", "中文", " ", "\n", "\t", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#20013;", "&#x4e2d;", "&#x1F600;", ">", "]]", "_x000D_"),
      fc.string({ maxLength: 4 }).map((s) => s.replace(/[<&\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[\ud800-\udfff]/g, "")),
    ),
    { maxLength: 6 },
  )
  // "]]>" may not appear in character data (XML 1.0 §2.4).
  .map((a) => a.join("").replace(/]]>/g, "]] >"));
const attrValueArb = textArb.map((t) => t.replace(/"/g, "&quot;"));

type Gen = { xml: string };
const elementArb: fc.Memo<Gen> = fc.memo((depth) =>
  fc
    .record({
      name: fc.constantFrom(...NAMES),
      attrs: fc.uniqueArray(fc.record({ name: fc.constantFrom(...ATTR_NAMES), prefix: fc.constantFrom("", "r:", "x:"), value: attrValueArb, single: fc.boolean() }), {
        maxLength: 3,
        selector: (a) => a.name,
      }),
      content: depth <= 1 ? fc.constant([] as Gen[]) : fc.array(elementArb(depth - 1), { maxLength: 3 }),
      text: textArb,
      cdata: fc.option(fc.constantFrom("<b>&amp;</b>", "x > y", ""), { nil: undefined }),
      comment: fc.boolean(),
      selfClose: fc.boolean(),
    })
    .map(({ name, attrs, content, text, cdata, comment, selfClose }) => {
      const a = attrs
        .map((x) => (x.single ? ` ${x.prefix}${x.name}='${x.value.replace(/'/g, "&apos;")}'` : ` ${x.prefix}${x.name}="${x.value}"`))
        .join("");
      if (selfClose && content.length === 0 && !text) return { xml: `<${name}${a}/>` };
      const inner =
        content.length > 0
          ? content.map((c) => c.xml).join(comment ? "<!-- a comment with <tags> -->" : "")
          : text + (cdata === undefined ? "" : `<![CDATA[${cdata}]]>`) + (comment ? "<!-- c -->" : "");
      return { xml: `<${name}${a}>${inner}</${name}>` };
    }),
);
const docArb = elementArb(4).map((e) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<root xmlns:r="urn:r" xmlns:x="urn:x" xmlns:x14ac="urn:y">${e.xml}</root>`);

describe("XmlCursor reads what saxes reads", () => {
  test("elements, attributes (either quote, prefixed, with entities and >), leaf text with entities, CDATA and comments", () => {
    fc.assert(
      fc.property(docArb, (xml) => {
        expect(viaCursor(xml, ATTR_NAMES).children).toEqual(stripText(viaSaxes(xml)).children);
        const { saxes, cursor } = leafTexts(xml);
        expect(cursor).toEqual(saxes);
      }),
      { seed: Number(process.env.FC_SEED ?? 20261203), numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });

  test("a truncated or garbled part never throws and never loops", () => {
    fc.assert(
      fc.property(docArb, fc.nat(), fc.string({ maxLength: 8 }), (xml, cut, junk) => {
        const bad = xml.slice(0, cut % (xml.length + 1)) + junk;
        const x = new XmlCursor(bad);
        let steps = 0;
        for (;;) {
          const t = x.next();
          if (t === Tok.End) break;
          if (t === Tok.Open) {
            x.attr("r");
            if (steps % 3 === 0) x.text();
          }
          expect(++steps).toBeLessThan(bad.length + 2);
        }
      }),
      { seed: Number(process.env.FC_SEED ?? 7), numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });
});

function stripText(n: Node): Node {
  return { ...n, text: "", children: n.children.map(stripText) };
}
// viaCursor leaves text empty; the leaf texts are compared on their own.

// ---------------------------------------------------------------------------------------------
// Crafted packages

const CT = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`;
const ROOT_RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function pkg(parts: Record<string, string>): Buffer {
  return makeZip(Object.entries(parts).map(([name, text]) => ({ name, data: Buffer.from(text, "utf8") })));
}

function grids(buf: Buffer, name = "x.xlsx"): CellGrid[] {
  return readWorkbook(buf, name, DEFAULT_LIMITS).grids;
}

/** A workbook of the given sheets (name → sheet XML) with shared strings and styles. */
function book(sheets: [string, string][], sst = "", styles = "", extra: Record<string, string> = {}): Buffer {
  const wb = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets>${sheets
    .map(([n], i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("")}</sheets></workbook>`;
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${i % 2 ? "/xl/" : ""}worksheets/sheet${i + 1}.xml"/>`)
    .join("")}<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
  const parts: Record<string, string> = {
    "[Content_Types].xml": CT,
    "_rels/.rels": ROOT_RELS,
    "xl/workbook.xml": wb,
    "xl/_rels/workbook.xml.rels": rels,
    ...extra,
  };
  if (sst) parts["xl/sharedStrings.xml"] = sst;
  if (styles) parts["xl/styles.xml"] = styles;
  sheets.forEach(([, xml], i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = xml));
  return pkg(parts);
}

const ws = (data: string, tail = "") =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData>${tail}</worksheet>`;

describe("SpreadsheetML as Office.js returns it", () => {
  test("every cell type, rich and phonetic text, escapes, cells and rows without references", () => {
    const sst =
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      `<si><t>项目名称</t></si>` +
      `<si><r><rPr><b/></rPr><t xml:space="preserve">绩效 </t></r><r><t>目标</t></r><rPh sb="0" eb="2"><t>ジセキ</t></rPh><phoneticPr fontId="1"/></si>` +
      `<si><t>A &amp; B &lt;1&gt; &#x4e2d;_x000D_x</t></si>` +
      `<si><t><![CDATA[<raw>]]></t></si>` +
      `</sst>`;
    const styles = `<styleSheet><numFmts count="1"><numFmt numFmtId="176" formatCode="0.0%"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="9" applyNumberFormat="1"/><xf numFmtId="176"><alignment wrapText="1"/></xf><xf numFmtId="31"/></cellXfs><dxfs><dxf><numFmt numFmtId="176" formatCode="0"/></dxf></dxfs></styleSheet>`;
    const sheet = ws(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>` +
        `<row r="2"><c r="A2" s="1"><v>0.95</v></c><c r="B2" s="2"><v>0.125</v></c><c r="C2" s="3"><v>45291</v></c><c r="D2" t="b"><v>1</v></c></row>` +
        `<row r="3"><c r="A3" t="e"><v>#REF!</v></c><c r="B3"><f>SUM(A2:B2)</f><v>1.075</v></c><c r="C3" t="str"><f>"≥"&amp;A2</f><v>≥0.95</v></c><c r="D3" t="inlineStr"><is><r><t>内联</t></r><r><t>文本</t></r></is></c></row>` +
        // A row and cells without references: the next row, the next column.
        `<row><c t="inlineStr"><is><t>甲</t></is></c><c><v>2</v></c><c r="F4" t="d"><v>2024-12-31T00:00:00</v></c></row>` +
        `<row r="6"><c r="A6"><f>1/0</f></c><c r="B6" t="s"><v>99</v></c><c r="C6" t="str"><v></v></c>` +
        // A literal "_x000D_" is written escaped as "_x005F_x000D_": decoded once, not twice.
        `<c r="D6" t="inlineStr"><is><t>a_x005F_x000D_b</t></is></c></row>`,
      `<mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells>`,
    );
    const [g] = grids(book([["表1", sheet]], sst, styles));
    expect(g.sheet).toBe("表1");
    const v = (a: string) => {
      const col = a.charCodeAt(0) - 65;
      const row = Number(a.slice(1)) - 1;
      return g.value(row, col);
    };
    expect([v("A1"), v("B1"), v("C1"), v("D1")]).toEqual(["项目名称", "绩效 目标", "A & B <1> 中\rx", "<raw>"]);
    expect([v("A2"), v("B2"), v("C2"), v("D2")]).toEqual([0.95, 0.125, 45291, true]);
    expect([g.format(1, 0), g.format(1, 1), isDateFormat(g.format(1, 2))]).toEqual(["0%", "0.0%", true]);
    expect(g.text(1, 2)).toBe("2023年12月31日");
    expect([v("A3"), v("B3"), v("C3"), v("D3")]).toEqual(["#REF!", 1.075, "≥0.95", "内联文本"]);
    expect([v("A4"), v("B4"), v("F4")]).toEqual(["甲", 2, 45657]);
    // A formula without a cached result, a shared-string index out of range, an empty string: empty.
    expect([v("A6"), v("B6"), v("C6")]).toEqual([null, null, null]);
    expect(v("D6")).toBe("a_x000D_b");
    expect(g.merges).toEqual([{ top: 4, left: 0, bottom: 4, right: 1 }]);
  });

  test("namespace prefixes (x:c), sheets in workbook order, a chart sheet skipped, a hidden sheet kept", () => {
    const prefixed = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const wb = `<workbook xmlns:r="${REL}"><workbookPr date1904="1"/><sheets><sheet name="B" sheetId="2" r:id="rB"/><sheet name="图" sheetId="3" r:id="rC"/><sheet name="A" sheetId="1" state="hidden" r:id="rA"/></sheets></workbook>`;
    const rels = `<Relationships><Relationship Id="rA" Type="${REL}/worksheet" Target="worksheets/a.xml"/><Relationship Id="rB" Type="${REL}/worksheet" Target="./worksheets/../worksheets/b.xml"/><Relationship Id="rC" Type="${REL}/chartsheet" Target="chartsheets/c.xml"/></Relationships>`;
    const buf = pkg({
      "[Content_Types].xml": CT,
      "_rels/.rels": ROOT_RELS,
      "xl/workbook.xml": wb,
      "xl/_rels/workbook.xml.rels": rels,
      "xl/worksheets/a.xml": ws(`<row r="1"><c r="A1" t="d"><v>2024-12-31</v></c></row>`),
      "xl/worksheets/b.xml": prefixed,
      "xl/chartsheets/c.xml": "<chartsheet/>",
    });
    const gs = grids(buf);
    expect(gs.map((g) => g.sheet)).toEqual(["B", "A"]);
    expect(gs[0].value(1, 1)).toBe("前缀");
    // An ISO date cell in a 1904 workbook: the serial number in that workbook's own system.
    expect(gs[1].value(0, 0)).toBe(45657 - 1462);
  });

  test("a package without its workbook part, or a sheet part it names, is damaged", () => {
    const code = (buf: Buffer) => {
      try {
        readWorkbook(buf, "x.xlsx", DEFAULT_LIMITS);
        return "ok";
      } catch (e) {
        return e instanceof ReadProblem ? e.failure.code : "threw";
      }
    };
    expect(code(pkg({ "[Content_Types].xml": CT, "xl/styles.xml": "<styleSheet/>" }))).toBe("corrupt");
    const noSheet = book([["S", ws("")]]);
    expect(code(noSheet)).toBe("ok");
    const parts = {
      "[Content_Types].xml": CT,
      "_rels/.rels": ROOT_RELS,
      "xl/workbook.xml": `<workbook xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="r1" Type="${REL}/worksheet" Target="worksheets/missing.xml"/></Relationships>`,
    };
    expect(code(pkg(parts))).toBe("corrupt");
  });

  test("a used range beyond the cell cap (a stray value at XFD1048576) → sheetTooLarge, with the sheet and range", () => {
    const sheet = ws(`<row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`);
    let problem: ReadProblem | undefined;
    try {
      grids(book([["绩效表", sheet]]));
    } catch (e) {
      problem = e as ReadProblem;
    }
    expect(problem).toBeInstanceOf(ReadProblem);
    expect(problem!.failure.code).toBe("sheetTooLarge");
    expect(problem!.failure.detail).toBe("绩效表!A1:XFD1048576 = 17,179,869,184 > 4,000,000");
    // Just under the cap is read.
    const rows = Math.floor(MAX_GRID_CELLS / 26);
    const ok = ws(`<row r="1"><c r="A1"><v>1</v></c></row><row r="${rows}"><c r="Z${rows}"><v>2</v></c></row>`);
    expect(grids(book([["S", ok]]))[0].lastRow).toBe(rows - 1);
  });
});

// ---------------------------------------------------------------------------------------------
// Cell for cell against SheetJS

/** A grid as plain data, formats reduced to what the engine reads from them (date, percent). */
function comparable(g: CellGrid): unknown {
  const d = g.toData();
  const kind = (f: string | null | undefined) => (!f ? null : isDateFormat(f) ? "date" : f.includes("%") ? "percent" : "number");
  return {
    sheet: d.sheet,
    originRow: d.originRow,
    originCol: d.originCol,
    values: d.values,
    formats: d.values.map((row, r) => row.map((v, c) => (typeof v === "number" ? kind(d.formats?.[r]?.[c]) : null))),
    merges: [...(d.merges ?? [])].sort((a, b) => a.top - b.top || a.left - b.left),
  };
}

function sameAsSheetJs(buf: Buffer): void {
  const ours = grids(buf).map(comparable);
  const theirs = bookToGrids(sheetJsBook(buf, DEFAULT_LIMITS)).map(comparable);
  expect(ours).toEqual(theirs);
}

describe("the .xlsx reader = SheetJS, cell for cell", () => {
  test.each(xlsxFiles(GEN).map((f) => [path.relative(ROOT, f)]))("%s", (rel) => sameAsSheetJs(fs.readFileSync(path.join(ROOT, rel))));

  // Files written by another producer: SheetJS's own .xlsx writer (no spans, no styles beyond the
  // number formats; strings shared or inline), from the fixtures and the corpus tables read back.
  test.each([
    ["shared strings", true],
    ["inline strings", false],
  ])("the fixtures and corpus tables as SheetJS writes them (%s)", async (_name, bookSST) => {
    const XLSX = sheetJs();
    const sources = [...xlsxFiles(GEN).map((f) => fs.readFileSync(f)), ...(await Promise.all(loadCorpus().map(tableToXlsx)))];
    for (const src of sources) {
      const book = sheetJsBook(src, DEFAULT_LIMITS);
      const data = (name: string) => (book.Sheets[name] as { "!data"?: unknown[][] })["!data"];
      for (const name of book.SheetNames) {
        const d = data(name);
        if (d) for (let r = 0; r < d.length; r++) d[r] ??= [];
      }
      sameAsSheetJs(XLSX.write(book, { bookType: "xlsx", type: "buffer", bookSST, compression: true }) as Buffer);
    }
  }, 120000);

  test("every real table of the corpus", async () => {
    const corpus = loadCorpus();
    expect(corpus.length).toBeGreaterThan(40);
    for (const t of corpus) sameAsSheetJs(await tableToXlsx(t));
  }, 120000);
});
