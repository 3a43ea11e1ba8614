// Bundles the Node entry points (CLI, check worker, fixture generator, bench, corpus) with esbuild
// into lib/ (options: scripts/cli-bundles.mjs). Runs in `prepare` (so `npm ci` leaves a working
// `jixiao` bin) and before every `npm run cli`.
import { build } from "esbuild";
import { cliBuildOptions } from "./cli-bundles.mjs";

const quiet = process.argv.includes("--quiet");
const t0 = Date.now();
await build(cliBuildOptions({ quiet }));
if (!quiet) console.log(`lib/ built in ${Date.now() - t0} ms`);
