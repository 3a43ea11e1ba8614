// CPU time per thread of a Node process, Linux only (/proc): samples /proc/<pid>/task/*/stat every
// 5 ms while the command runs and prints each thread's last user + system time. Used for
// BENCHMARKS.md ("Why (b) is still out of reach"): which thread a check's CPU goes to.
//
//   node scripts/thread-cpu.mjs lib/jixiao.js check <folder> --format json --jobs 2
//
// Node names none of its threads, so they are told apart by what they do: the main thread is the
// process itself; `--jobs N` check workers are the N busiest others; the rest are V8's platform
// threads (concurrent compilation, GC helpers) and libuv's.
import { spawn } from "node:child_process";
import * as fs from "node:fs";

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error("usage: node scripts/thread-cpu.mjs <script> [args...]");
  process.exit(2);
}
const tick = 100; // USER_HZ, the unit of /proc/<pid>/task/<tid>/stat times (100 on Linux)
const t0 = Date.now();
const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"] });
const last = new Map();
const sample = () => {
  let tids;
  try {
    tids = fs.readdirSync(`/proc/${child.pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const st = fs.readFileSync(`/proc/${child.pid}/task/${tid}/stat`, "utf8");
      const f = st.slice(st.lastIndexOf(")") + 2).split(" ");
      last.set(tid, ((Number(f[11]) + Number(f[12])) * 1000) / tick);
    } catch {
      // the thread ended between readdir and read
    }
  }
};
const timer = setInterval(sample, 5);
child.on("exit", (code) => {
  clearInterval(timer);
  const wall = Date.now() - t0;
  const main = last.get(String(child.pid)) ?? 0;
  const others = [...last].filter(([tid]) => tid !== String(child.pid)).map(([, ms]) => ms).sort((a, b) => b - a);
  const total = main + others.reduce((s, x) => s + x, 0);
  console.log(`wall ${wall} ms, exit ${code}; CPU ${total} ms: main ${main}; other threads, busiest first: ${others.filter((x) => x > 0).join(", ")}`);
});
