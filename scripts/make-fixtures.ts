/**
 * Writes the fixture workbooks to test/fixtures/generated/ (gitignored):
 *   seed.xlsx        the seed document's three tables stacked on one sheet, as the document has them
 *   seed-typed.xlsx  the same with numbers typed as numbers, one sheet per table
 *   layouts.xlsx     odd layouts, one per sheet, and a sheet with no table
 * and the seed workbooks saved in the other formats the checker reads (written by SheetJS from the
 * .xlsx above; a test requires the same tables, indicators and issues from each):
 *   seed.xls seed-typed.xls    Excel 97–2003 (BIFF8)
 *   seed.et                    the BIFF8 bytes under WPS's name (WPS 表格 saves .et in that container)
 *   seed.ods seed-typed.ods    OpenDocument
 *   seed.csv                   UTF-8 with a BOM, as Excel's "CSV UTF-8" writes it
 *   seed-gbk.csv               GBK (code page 936), as Chinese Excel's and WPS's plain "CSV" writes it
 * Usage: node lib/make-fixtures.js [--quiet] [--out <dir>]
 * The cell contents are deterministic (no clock, a seeded PRNG); the zip container stamps entry times.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as XLSX from "@e965/xlsx";
import cpexcel from "@e965/xlsx/dist/cpexcel.js";
import { FIXTURE_FILES } from "../src/sample/workbooks";

/** The other-format copies of an .xlsx fixture: file name → bytes. */
function otherFormats(file: string, xlsx: Buffer): [string, Buffer][] {
  const stem = file.replace(/\.xlsx$/, "");
  if (stem !== "seed" && stem !== "seed-typed") return [];
  const wb = XLSX.read(xlsx, { type: "buffer", cellNF: true, cellStyles: true });
  const write = (bookType: XLSX.BookType) => XLSX.write(wb, { type: "buffer", bookType }) as Buffer;
  const xls = write("xls");
  const out: [string, Buffer][] = [
    [`${stem}.xls`, xls],
    [`${stem}.ods`, write("ods")],
  ];
  if (stem === "seed") {
    const csv = XLSX.utils.sheet_to_csv(wb.Sheets[wb.SheetNames[0]]);
    out.push(["seed.et", xls]);
    out.push(["seed.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, "utf8")])]);
    out.push(["seed-gbk.csv", Buffer.from(cpexcel.utils.encode(936, csv) as Uint8Array)]);
  }
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quiet = args.includes("--quiet");
  const outIdx = args.indexOf("--out");
  const outDir =
    outIdx >= 0 && args[outIdx + 1]
      ? path.resolve(args[outIdx + 1])
      : path.resolve(__dirname, "..", "test", "fixtures", "generated");
  fs.mkdirSync(outDir, { recursive: true });
  for (const [file, build] of Object.entries(FIXTURE_FILES)) {
    const buf = Buffer.from((await build().xlsx.writeBuffer()) as ArrayBuffer);
    for (const [name, bytes] of [[file, buf] as [string, Buffer], ...otherFormats(file, buf)]) {
      const out = path.join(outDir, name);
      fs.writeFileSync(out, bytes);
      if (!quiet) console.log(`wrote ${path.relative(process.cwd(), out)} (${bytes.length} bytes)`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : String(err));
  process.exit(1);
});
