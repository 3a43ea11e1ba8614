/**
 * Files from other offices are untrusted: the read path must refuse what it cannot read safely with a
 * ReadProblem (never another exception, never a hang), and the CLI must report such a file with
 * exit 2 while still checking the others. Fuzzing (fast-check, fixed seed): random bytes, truncated
 * and bit-flipped workbooks; crafted: a zip bomb (declared and lying sizes), a zip with too many
 * entries, an entity bomb (DOCTYPE) in a shared-strings part, an over-size file.
 */
import { spawnSync, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import * as XLSX from "@e965/xlsx";
import { readWorkbook } from "../../src/cli/read/workbook";
import { makeZip } from "../helpers/zip";
import { readZipParts } from "../../src/cli/read/zip";
import { ReadProblem } from "../../src/cli/read/problem";
import { DEFAULT_LIMITS } from "../../src/cli/read/limits";
import type { Report } from "../../src/cli/report";

const ROOT = path.resolve(__dirname, "../..");
const GEN = path.join(ROOT, "test/fixtures/generated");
const CLI = path.join(ROOT, "lib/jixiao.js");

beforeAll(() => {
  // SheetJS logs "Missing Info for XLS Record …" on some damaged .xls; the CLI silences it in its workers.
  jest.spyOn(console, "error").mockImplementation(() => {});
  if (!fs.existsSync(path.join(GEN, "seed.xls")) || !fs.existsSync(path.join(ROOT, "lib/jixiao-worker.js"))) {
    execFileSync("node", ["scripts/build-cli.mjs", "--quiet"], { cwd: ROOT });
    execFileSync("node", ["lib/make-fixtures.js", "--quiet"], { cwd: ROOT });
  }
}, 60000);

/** The parts of the seed .xlsx (to rebuild it with one part changed). */
function seedParts(): { name: string; data: Buffer }[] {
  const parts = readZipParts(fs.readFileSync(path.join(GEN, "seed.xlsx")), DEFAULT_LIMITS);
  return [...parts].map(([name, data]) => ({ name, data }));
}

/** Reads and returns "ok", or the ReadProblem's code; any other exception fails the test. */
function outcome(buf: Buffer, name: string): string {
  try {
    readWorkbook(buf, name, DEFAULT_LIMITS);
    return "ok";
  } catch (e) {
    if (e instanceof ReadProblem) return e.failure.code;
    throw e;
  }
}

describe("crafted files are refused before parsing", () => {
  test("the seed rebuilt by the test's zip writer reads (the writer is sound)", () => {
    expect(outcome(makeZip(seedParts()), "x.xlsx")).toBe("ok");
  });

  test("zip bomb: a part declaring more than the uncompressed cap → tooLarge, nothing inflated", () => {
    // A worksheet the workbook names declares more than the cap: refused before it is inflated.
    const parts = seedParts().map((p) => (p.name === "xl/worksheets/sheet1.xml" ? { ...p, declared: DEFAULT_LIMITS.maxUncompressedBytes + 1 } : p));
    expect(outcome(makeZip(parts), "x.xlsx")).toBe("tooLarge");
    // The same in a part SheetJS reads (an .ods's content.xml goes through readZipParts).
    const ods = [...readZipParts(fs.readFileSync(path.join(GEN, "seed.ods")), DEFAULT_LIMITS)].map(([name, data]) =>
      name === "content.xml" ? { name, data, declared: DEFAULT_LIMITS.maxUncompressedBytes + 1 } : { name, data, deflate: name !== "mimetype" },
    );
    expect(outcome(makeZip(ods), "x.ods")).toBe("tooLarge");
  });

  test("an .xlsx part the checker never reads (here a bomb no relationship names) is never inflated", () => {
    const parts = seedParts();
    parts.push({ name: "xl/worksheets/sheet9.xml", data: Buffer.alloc(1024), declared: DEFAULT_LIMITS.maxUncompressedBytes + 1 } as never);
    expect(outcome(makeZip(parts), "x.xlsx")).toBe("ok");
  });

  test("zip bomb: a part lying about its size (64 MiB of zeros declared as 1 KiB) → unsafe", () => {
    const parts = seedParts().map((p) => (p.name === "xl/sharedStrings.xml" ? { ...p, data: Buffer.alloc(64 * 1024 * 1024, 0x20), declared: 1024 } : p));
    expect(outcome(makeZip(parts), "x.xlsx")).toBe("unsafe");
  });

  test("more zip entries than the limit → unsafe", () => {
    const parts = seedParts();
    for (let i = 0; i <= DEFAULT_LIMITS.maxZipEntries; i++) parts.push({ name: `xl/x/${i}.xml`, data: Buffer.alloc(0) });
    expect(outcome(makeZip(parts), "x.xlsx")).toBe("unsafe");
  });

  const BOMB =
    '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>';

  test("entity bomb: a DOCTYPE in a shared-strings part → unsafe (xlsx and ods)", () => {
    const withBomb = (name: string) =>
      seedParts().map((p) => (p.name === name ? { ...p, data: Buffer.from(p.data.toString("utf8").replace(/^<\?xml[^>]*\?>/, BOMB)) } : p));
    expect(outcome(makeZip(withBomb("xl/sharedStrings.xml")), "x.xlsx")).toBe("unsafe");
    // The same part in UTF-16 (little and big endian, with the byte order mark XML requires for it).
    for (const be of [false, true]) {
      const utf16 = seedParts().map((p) => {
        if (p.name !== "xl/sharedStrings.xml") return p;
        const text = Buffer.from("\ufeff" + p.data.toString("utf8").replace(/^<\?xml[^>]*\?>/, BOMB), "utf16le");
        return { ...p, data: be ? text.swap16() : text };
      });
      expect(outcome(makeZip(utf16), "x.xlsx")).toBe("unsafe");
    }
    const ods = readZipParts(fs.readFileSync(path.join(GEN, "seed.ods")), DEFAULT_LIMITS);
    const odsParts = [...ods].map(([name, data]) => ({ name, data: name === "content.xml" ? Buffer.from(data.toString().replace(/^<\?xml[^>]*\?>/, BOMB)) : data }));
    expect(outcome(makeZip(odsParts), "x.ods")).toBe("unsafe");
  });

  test("SheetJS itself does not expand entities (what the DOCTYPE refusal adds is defence in depth)", () => {
    const parts = seedParts().map((p) =>
      p.name === "xl/sharedStrings.xml"
        ? { ...p, data: Buffer.from(p.data.toString("utf8").replace(/^<\?xml[^>]*\?>/, BOMB).replace("项目编码", "&d;")) }
        : p,
    );
    const wb = XLSX.read(makeZip(parts), { type: "buffer", dense: true });
    const texts = JSON.stringify(wb.Sheets[wb.SheetNames[0]]["!data"]);
    expect(texts).not.toContain("aaaaaaaaaa");
  });

  test("a file over the size cap → tooLarge", () => {
    expect(() => readWorkbook(fs.readFileSync(path.join(GEN, "seed.xlsx")), "x.xlsx", { ...DEFAULT_LIMITS, maxFileBytes: 1000 })).toThrow(ReadProblem);
  });
});

describe("fuzz: the read path throws only ReadProblem", () => {
  const seedXlsx = fs.readFileSync(path.join(GEN, "seed.xlsx"));
  const seedXls = fs.readFileSync(path.join(GEN, "seed.xls"));
  const seedOds = fs.readFileSync(path.join(GEN, "seed.ods"));
  const NAMES = ["f.xlsx", "f.xls", "f.et", "f.ods", "f.csv"];

  test("random bytes under every supported name", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom(...NAMES), (bytes, name) => {
        outcome(Buffer.from(bytes), name);
      }),
      { seed: 20261202, numRuns: 400 },
    );
  });

  test("random bytes behind a zip or OLE signature", () => {
    const heads = [Buffer.from("PK\x03\x04", "latin1"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])];
    fc.assert(
      fc.property(fc.constantFrom(...heads), fc.uint8Array({ minLength: 1, maxLength: 8192 }), (head, bytes) => {
        outcome(Buffer.concat([head, Buffer.from(bytes)]), "f.xlsx");
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  test.each([
    ["xlsx", seedXlsx],
    ["xls", seedXls],
    ["ods", seedOds],
  ])("truncated %s at every 1/64 of its length", (ext, buf) => {
    for (let i = 1; i < 64; i++) outcome(buf.subarray(0, Math.floor((buf.length * i) / 64)), `f.${ext}`);
  });

  test.each([
    ["xlsx", seedXlsx],
    ["xls", seedXls],
    ["ods", seedOds],
  ])("bytes of a %s overwritten at random places", (ext, buf) => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: buf.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 16 }), (edits) => {
        const copy = Buffer.from(buf);
        for (const [at, v] of edits) copy[at] = v;
        outcome(copy, `f.${ext}`);
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});

describe("the CLI on bad files", () => {
  test("a folder of bad files and one good one: every bad file exit-2-reported, the good one checked, the summary lists all", () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-untrusted-"));
    const parts = seedParts();
    fs.writeFileSync(path.join(d, "a-random.xlsx"), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)));
    fs.writeFileSync(path.join(d, "b-bomb.xlsx"), makeZip(parts.map((p) => (p.name === "xl/sharedStrings.xml" ? { ...p, data: Buffer.alloc(32 << 20, 0x20), declared: 10 } : p))));
    fs.writeFileSync(path.join(d, "c-entities.xlsx"), makeZip(parts.map((p) => (p.name === "xl/styles.xml" ? { ...p, data: Buffer.from('<!DOCTYPE x [<!ENTITY e "e">]>' + p.data.toString()) } : p))));
    fs.writeFileSync(path.join(d, "d-truncated.xls"), fs.readFileSync(path.join(GEN, "seed.xls")).subarray(0, 3000));
    fs.copyFileSync(path.join(GEN, "seed.xlsx"), path.join(d, "e-good.xlsx"));
    fs.writeFileSync(path.join(d, "f-big.csv"), "项目名称,x\n".repeat(200_000));
    const summary = path.join(d, "summary.json");
    const r = spawnSync("node", [CLI, "check", d, "--format", "json", "--jobs", "2", "--max-size", "1", "--summary", summary], { encoding: "utf8", maxBuffer: 1 << 26 });
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as Report;
    const codes = Object.fromEntries(report.files.map((f) => [path.basename(f.file), f.errorCode ?? "ok"]));
    expect(codes).toEqual({
      "a-random.xlsx": "notXlsx",
      "b-bomb.xlsx": "unsafe",
      "c-entities.xlsx": "unsafe",
      "d-truncated.xls": "corrupt",
      "e-good.xlsx": "ok",
      "f-big.csv": "tooLarge",
    });
    expect(report.files.find((f) => f.file.endsWith("e-good.xlsx"))!.tables).toHaveLength(3);
    const rows = JSON.parse(fs.readFileSync(summary, "utf8")) as { file: string; status: string }[];
    expect(rows.map((x) => x.status)).toEqual(["unreadable", "unreadable", "unreadable", "unreadable", "ok", "unreadable"]);
    fs.rmSync(d, { recursive: true, force: true });
  }, 60000);
});
