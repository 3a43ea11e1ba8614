// Bundles the Node entry points (CLI, fixture generator, bench) with esbuild into lib/.
// Runs in `prepare` (so `npm ci` leaves a working `jixiao` bin) and before every `npm run cli`.
import { build } from "esbuild";
const quiet = process.argv.includes("--quiet");
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
  logLevel: quiet ? "error" : "info",
});
if (!quiet) console.log(`lib/ built in ${Date.now() - t0} ms`);
