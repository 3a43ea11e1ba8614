/**
 * `jixiao check --jobs N`: checks files in N worker threads (worker.ts), one file per worker at a
 * time (with the next one already sent, IN_FLIGHT). Results come back indexed, so the report's
 * order is the input order whatever finishes first. A file that takes longer than the time limit,
 * or that crashes its worker (an exception, running out of memory), is reported as unreadable
 * (timeout / crashed) and its worker replaced; a file sent ahead to that worker goes to the next
 * one, and the other files go on.
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
  /**
   * "json": answer with the file's JSON text (report.ts fileJson, as UTF-8 bytes whose buffer is
   * transferred) and the file without its tables and issues (lightFile): the tables and issues of a
   * 1,000-table workbook took ~65 ms to clone to the main thread and ~35 ms more to stringify there.
   */
  render?: "json";
}

/** A worker's answer. */
export interface TaskDone {
  index: number;
  file: ReportFile;
  /** With render "json": the file's JSON text in UTF-8 (moved, not copied); `file` is then its lightFile. */
  json?: Uint8Array;
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

/**
 * Files sent to a worker ahead of its answers: the one it checks and the next, so that a worker
 * never waits for this thread (busy, or without a core of its own) to hand it its next file. The
 * worker checks its files one after another (worker.ts), so the first unanswered one is the one
 * it is on.
 */
const IN_FLIGHT = 2;

/** Runs every task; resolves with the answers in task order (answer i for tasks[i]). */
export function runPool(tasks: readonly CheckTask[], opts: PoolOptions): Promise<TaskDone[]> {
  const results: TaskDone[] = new Array(tasks.length);
  // Tasks not yet sent: those of a replaced worker that it had not begun come first.
  const pending: CheckTask[] = [];
  let next = 0;
  let finished = 0;
  const jobs = Math.max(1, Math.min(opts.jobs, tasks.length));
  if (tasks.length === 0) return Promise.resolve(results);
  const take = (): CheckTask | undefined => pending.shift() ?? (next < tasks.length ? tasks[next++] : undefined);
  const anyLeft = () => pending.length > 0 || next < tasks.length;

  return new Promise((resolve) => {
    const position = new Map(tasks.map((t, i) => [t.index, i]));
    const finish = (task: CheckTask, done: TaskDone) => {
      results[position.get(task.index)!] = done;
      finished++;
      opts.onDone?.(finished, tasks.length, task);
      if (finished === tasks.length) resolve(results);
    };

    const startWorker = () => {
      const worker = takeWorker(opts.workerFile);
      /** Sent and not answered, in the order sent; the first is the one being checked. */
      const inFlight: CheckTask[] = [];
      let timer: NodeJS.Timeout | null = null;
      let dead = false;

      // The time limit runs for the file being checked: from its sending, or from the answer to
      // the file before it.
      const arm = () => {
        if (timer) clearTimeout(timer);
        timer = inFlight.length > 0 && opts.timeoutMs > 0 ? setTimeout(onTimeout, opts.timeoutMs) : null;
      };
      const fill = () => {
        while (inFlight.length < IN_FLIGHT) {
          const task = take();
          if (!task) break;
          inFlight.push(task);
          worker.postMessage(task);
          if (inFlight.length === 1) arm();
        }
        if (inFlight.length === 0) {
          dead = true;
          void worker.terminate();
        }
      };
      const replace = (failure: ReadFailure) => {
        if (dead) return;
        dead = true;
        if (timer) clearTimeout(timer);
        worker.removeAllListeners();
        worker.on("error", () => {});
        void worker.terminate();
        const [task, ...notBegun] = inFlight;
        pending.unshift(...notBegun);
        if (task) finish(task, { index: task.index, file: opts.failedFile(task, failure) });
        if (anyLeft()) startWorker();
      };
      const onTimeout = () => replace({ code: "timeout", detail: String(Math.round(opts.timeoutMs / 1000)) });

      worker.on("message", (done: TaskDone) => {
        const k = inFlight.findIndex((t) => t.index === done.index);
        if (k < 0) return;
        const [task] = inFlight.splice(k, 1);
        if (k === 0) arm();
        finish(task, done);
        fill();
      });
      // A worker that throws emits "error", then "exit" once it has stopped; an answer it posted just
      // before throwing can arrive between the two, so the file it answered is finished first and
      // only "exit" replaces the worker (the crash counts against the next file it was sent).
      let crash: string | null = null;
      worker.on("error", (e: Error) => {
        crash ??= e.message.split("\n")[0].slice(0, 200);
      });
      worker.on("exit", (code) => {
        if (!dead) replace({ code: "crashed", detail: crash ?? `exit ${code}` });
      });
      fill();
    };

    for (let i = 0; i < jobs; i++) startWorker();
  });
}
