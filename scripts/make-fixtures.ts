/**
 * Writes the fixture workbooks to test/fixtures/generated/ (gitignored):
 *   seed.xlsx        the seed document's three tables stacked on one sheet, as the document has them
 *   seed-typed.xlsx  the same with numbers typed as numbers, one sheet per table
 *   layouts.xlsx     odd layouts, one per sheet, and a sheet with no table
 * Usage: node lib/make-fixtures.js [--quiet] [--out <dir>]
 * The cell contents are deterministic (no clock, a seeded PRNG); the zip container stamps entry times.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { FIXTURE_FILES } from "../src/sample/workbooks";

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
    const target = path.join(outDir, file);
    const buf = await build().xlsx.writeBuffer();
    fs.writeFileSync(target, Buffer.from(buf as ArrayBuffer));
    if (!quiet) console.log(`wrote ${path.relative(process.cwd(), target)} (${(buf as ArrayBuffer).byteLength} bytes)`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : String(err));
  process.exit(1);
});
