/**
 * Imported first by main.ts, so that it runs before the rest of the CLI's modules are evaluated:
 * for `jixiao check …` it starts the first check worker at once (pool.ts prestartWorker), which then
 * loads its bundle on the other core while this thread loads its own modules and reads the
 * arguments. A usage error or a run with no file to check simply drops the worker.
 *
 * Before that, it raises V8's interrupt budget (how much a function runs before V8 considers
 * optimising it) for the whole process, workers included. A check is a short run over much
 * lukewarm code; with V8's default (132 KB) many functions are optimised on thin type feedback,
 * de-optimised and optimised again, and every worker compiles its own copies on the machine's
 * other cores. Measured on the 1,000-table workbook, in process: the first analyzeGrids 650–800 ms
 * against 800–975 ms (three runs each); on the folder of 1,000 files at --jobs 2, about a fifth less
 * CPU time (BENCHMARKS.md, "Reading at scale").
 */
import * as path from "node:path";
import { setFlagsFromString } from "node:v8";
import { isMainThread } from "node:worker_threads";
import { prestartWorker } from "./pool";

/** V8's interrupt budget for the CLI, in bytes of bytecode executed (V8's default: 132 KB). */
export const INTERRUPT_BUDGET = 300 * 1024;

if (isMainThread) setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);

/** The check worker's bundle, beside the CLI's (scripts/build-cli.mjs). */
export const WORKER_FILE = path.join(__dirname, "jixiao-worker.js");

const argv = process.argv.slice(2);
if (isMainThread && argv[0] === "check" && !argv.includes("--help") && !argv.includes("-h")) prestartWorker(WORKER_FILE);
