/**
 * `jixiao check --jobs N`: checks files in N worker threads (worker.ts), one file per worker at a
 * time. Results come back indexed, so the report's order is the input order whatever finishes
 * first. A file that takes longer than the time limit, or that crashes its worker (an exception,
 * running out of memory), is reported as unreadable (timeout / crashed) and its worker replaced;
 * the other files go on.
 */
import { Worker } from "node:worker_threads";
import type { LibraryEntry } from "../core/library/schema";
import type { RunConfig } from "../core/rules/engine";
import type { InputEntry, ReadFailure } from "./files";
import type { ReadLimits } from "./read/limits";
import type { ReportFile } from "./report";

/** The young-generation size of a check worker (V8's default is 16 MB or more; see startWorker). */
export const YOUNG_GENERATION_MB = 2;

/** What a worker is asked to do (structured-clone data only). */
export interface CheckTask {
  index: number;
  entry: InputEntry;
  config: Pick<RunConfig, "locale" | "only" | "severity"> & {
    options?: { year?: number };
    /** check --library: the custom entries (merged over the built-in ones), keyed by the file's path. */
    library?: { key: string; entries: readonly LibraryEntry[] };
  };
  limits: ReadLimits;
  /** Where to write the annotated copy, or null. */
  out: string | null;
}

/** A worker's answer. */
export interface TaskDone {
  index: number;
  file: ReportFile;
  out?: { path: string; ok: boolean; format?: string; detail?: string };
}

export interface PoolOptions {
  jobs: number;
  /** Per-file time limit in ms (0 = none). */
  timeoutMs: number;
  workerFile: string;
  /** The report file for a file the worker could not finish (timeout, crash). */
  failedFile: (task: CheckTask, failure: ReadFailure) => ReportFile;
  /** Called after each file (done count, total, the file). */
  onDone?: (done: number, total: number, task: CheckTask) => void;
}

/** A check worker thread on `file`. */
function spawnWorker(file: string): Worker {
  // A small young generation: parsing makes much short-lived garbage (XML text, regex matches),
  // and V8's default young generation lets it pile up to tens of MB before it is collected.
  return new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
}

/** A worker started ahead of the pool (prestart), taken by the pool's first startWorker. */
let spare: { file: string; worker: Worker } | null = null;

/**
 * Starts one check worker now, before the caller has loaded the rest of its modules and parsed its
 * arguments: the worker loads its own bundle (the read path and the engine) at the same time, on
 * the other core. The next runPool on the same worker file takes it; dropSpareWorker ends it if
 * no pool ran.
 */
export function prestartWorker(file: string): void {
  if (spare) return;
  const worker = spawnWorker(file);
  // A worker that fails while loading is dropped here; the pool then starts a fresh one.
  worker.on("error", () => {});
  worker.on("exit", () => {
    if (spare?.worker === worker) spare = null;
  });
  // Not kept alive by itself: a process that never runs a pool exits as if it had not started it.
  worker.unref();
  spare = { file, worker };
}

/** Ends the prestarted worker if no pool took it. */
export function dropSpareWorker(): void {
  if (spare) void spare.worker.terminate();
  spare = null;
}

function takeWorker(file: string): Worker {
  const s = spare;
  if (s && s.file === file) {
    spare = null;
    s.worker.removeAllListeners("error");
    s.worker.removeAllListeners("exit");
    s.worker.ref();
    return s.worker;
  }
  return spawnWorker(file);
}

/** Runs every task; resolves with the answers in task order (answer i for tasks[i]). */
export function runPool(tasks: readonly CheckTask[], opts: PoolOptions): Promise<TaskDone[]> {
  const results: TaskDone[] = new Array(tasks.length);
  let next = 0;
  let finished = 0;
  const jobs = Math.max(1, Math.min(opts.jobs, tasks.length));
  if (tasks.length === 0) return Promise.resolve(results);

  return new Promise((resolve) => {
    const position = new Map(tasks.map((t, i) => [t, i]));
    const finish = (task: CheckTask, done: TaskDone) => {
      results[position.get(task)!] = done;
      finished++;
      opts.onDone?.(finished, tasks.length, task);
      if (finished === tasks.length) resolve(results);
    };

    const startWorker = () => {
      const worker = takeWorker(opts.workerFile);
      let current: CheckTask | null = null;
      let timer: NodeJS.Timeout | null = null;
      let dead = false;

      const assign = () => {
        if (next >= tasks.length) {
          current = null;
          dead = true;
          void worker.terminate();
          return;
        }
        current = tasks[next++];
        if (opts.timeoutMs > 0) timer = setTimeout(onTimeout, opts.timeoutMs);
        worker.postMessage(current);
      };
      const settle = (done: TaskDone) => {
        if (timer) clearTimeout(timer);
        timer = null;
        const task = current!;
        current = null;
        finish(task, done);
      };
      const replace = (failure: ReadFailure) => {
        if (dead) return;
        dead = true;
        const task = current;
        if (timer) clearTimeout(timer);
        worker.removeAllListeners();
        worker.on("error", () => {});
        void worker.terminate();
        if (task) {
          current = null;
          finish(task, { index: task.index, file: opts.failedFile(task, failure) });
        }
        if (next < tasks.length) startWorker();
      };
      const onTimeout = () => replace({ code: "timeout", detail: String(Math.round(opts.timeoutMs / 1000)) });

      worker.on("message", (done: TaskDone) => {
        settle(done);
        assign();
      });
      worker.on("error", (e: Error) => replace({ code: "crashed", detail: e.message.split("\n")[0].slice(0, 200) }));
      worker.on("exit", (code) => {
        if (!dead) replace({ code: "crashed", detail: `exit ${code}` });
      });
      assign();
    };

    for (let i = 0; i < jobs; i++) startWorker();
  });
}
