/**
 * Imported first by main.ts, so that it runs before the rest of the CLI's modules are evaluated:
 * for `jixiao check …` it starts the first check worker at once (pool.ts prestartWorker), which then
 * loads its bundle on the other core while this thread loads its own modules and reads the
 * arguments. Nothing else: a usage error or a run with no file to check simply drops the worker.
 */
import * as path from "node:path";
import { isMainThread } from "node:worker_threads";
import { prestartWorker } from "./pool";

/** The check worker's bundle, beside the CLI's (scripts/build-cli.mjs). */
export const WORKER_FILE = path.join(__dirname, "jixiao-worker.js");

const argv = process.argv.slice(2);
if (isMainThread && argv[0] === "check" && !argv.includes("--help") && !argv.includes("-h")) prestartWorker(WORKER_FILE);
