// Bundles the Node entry points (CLI, fixture generator, bench) with esbuild into lib/.
// Runs in `prepare` (so `npm ci` leaves a working `jixiao` bin) and before every `npm run cli`.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
const quiet = process.argv.includes("--quiet");
// SheetJS is bundled from its ES module build, which (unlike the CommonJS one) does not load its
// codepage tables at start-up: src/cli/read/workbook.ts loads them for .xls / .et / .xlsb only.
const sheetJsEsm = {
  name: "sheetjs-esm",
  setup(b) {
    b.onResolve({ filter: /^@e965\/xlsx$/ }, () => ({ path: fileURLToPath(new URL("../node_modules/@e965/xlsx/xlsx.mjs", import.meta.url)) }));
    b.onResolve({ filter: /^zod$/ }, () => ({ path: fileURLToPath(import.meta.resolve("zod")) }));
  },
};
const t0 = Date.now();
await build({
  entryPoints: { jixiao: "src/cli/main.ts", "jixiao-worker": "src/cli/worker.ts", "make-fixtures": "scripts/make-fixtures.ts", bench: "scripts/bench.ts", corpus: "scripts/corpus/main.ts" },
  outdir: "lib",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  packages: "external",
  plugins: [sheetJsEsm],
  logLevel: quiet ? "error" : "info",
});
if (!quiet) console.log(`lib/ built in ${Date.now() - t0} ms`);
