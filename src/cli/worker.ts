/**
 * The check worker (bundled to lib/jixiao-worker.js): a worker thread of `jixiao check` that checks
 * one file per message and answers with the file in report form. One file at a time per worker, so
 * a worker holds at most one workbook; the pool (pool.ts) times each file out and replaces a worker
 * that crashed or hung.
 */
import { isMainThread, parentPort } from "node:worker_threads";
import type { RunConfig } from "../core/rules/engine";
import { checkEntry, withLibrary, writeAnnotatedCopy } from "./check";
import { errText } from "./files";
import { fileJson, fileToReport, lightFile } from "./report";
import type { CheckTask, TaskDone } from "./pool";

/** The run configuration of a custom library, built once per worker (its search index is costly). */
let custom: { key: string; config: RunConfig } | null = null;

function runConfig(task: CheckTask): RunConfig {
  const { library, ...config } = task.config;
  if (!library) return config;
  if (custom?.key !== library.key) custom = { key: library.key, config: withLibrary(config, library.entries) };
  return custom.config;
}

/** Checks one task. */
export async function checkTask(task: CheckTask): Promise<TaskDone> {
  const config = runConfig(task);
  const checked = await checkEntry(task.entry, config, task.limits, task.out !== null);
  const file = fileToReport(checked.result);
  const done: TaskDone =
    task.render === "json" ? { index: task.index, file: lightFile(file), json: new TextEncoder().encode(fileJson(file)) } : { index: task.index, file };
  if (task.out !== null && checked.read) {
    try {
      await writeAnnotatedCopy(checked, task.out, config.locale ?? "zh-CN");
      done.out = { path: task.out, ok: true, format: checked.read.format };
    } catch (e) {
      done.out = { path: task.out, ok: false, detail: errText(e) };
    }
  }
  return done;
}

if (!isMainThread) {
  // The worker speaks only through messages. SheetJS logs with console.error on some damaged files
  // ("Missing Info for XLS Record …"); that noise would land in the middle of the report's stderr.
  console.error = console.warn = console.log = () => {};
}


// The pool sends a file ahead (pool.ts IN_FLIGHT): files are checked one after another, in the order
// received, so the worker holds one workbook at a time and the pool knows which file it is on.
let queue: Promise<void> = Promise.resolve();
parentPort?.on("message", (task: CheckTask) => {
  queue = queue.then(() =>
    checkTask(task).then(
      // The JSON bytes are moved, not copied (TextEncoder gives them an ArrayBuffer of their own).
      (done) => parentPort!.postMessage(done, done.json ? [done.json.buffer as ArrayBuffer] : []),
      (e: unknown) => {
        // A bug, not a bad file (checkEntry never throws for one): let the pool report the file.
        setImmediate(() => {
          throw e;
        });
      },
    ),
  );
});
