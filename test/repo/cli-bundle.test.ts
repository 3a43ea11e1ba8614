/**
 * What `jixiao check` loads at start-up. The CLI is bundled (scripts/build-cli.mjs); a module that the
 * entry point reaches through static imports is evaluated when the process (or a check worker)
 * starts, whether the run uses it or not. zod (built with a schema per model type) cost about 100 ms
 * and 10 MB per thread, and the check path never validates with it: the model's types come from the
 * schemas (`import type`), the runtime constants from zod-free modules (model/severity.ts,
 * model/plan-keys.ts, layout/empty-part.ts, cli/report-schema.ts holds the report's schema).
 *
 * The bundles are built in memory with esbuild's metafile, and the static import graph is walked
 * from each entry point: dynamic imports (the other subcommands, --out, --opinions, --library) may
 * reach anything.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

interface Graph {
  /** Inputs reached from the entry through static imports. */
  staticInputs: string[];
}

/** The static import graph of each entry, from a child process (esbuild's Node API is ESM-friendly there). */
function graphs(entries: Record<string, string>): Record<string, Graph> {
  const script = `
    const { build } = require(${JSON.stringify(path.join(ROOT, "node_modules/esbuild"))});
    const entries = ${JSON.stringify(entries)};
    const plugin = { name: "resolve", setup(b) {
      b.onResolve({ filter: /^@e965\\/xlsx$/ }, () => ({ path: ${JSON.stringify(path.join(ROOT, "node_modules/@e965/xlsx/xlsx.mjs"))} }));
      b.onResolve({ filter: /^zod$/ }, () => ({ path: require.resolve("zod", { paths: [${JSON.stringify(ROOT)}] }) }));
    } };
    (async () => {
      const out = {};
      for (const [name, entry] of Object.entries(entries)) {
        const r = await build({ entryPoints: [entry], bundle: true, platform: "node", target: "node20", format: "cjs",
          packages: "external", plugins: [plugin], write: false, metafile: true, outfile: "out.js", absWorkingDir: ${JSON.stringify(ROOT)}, logLevel: "silent" });
        const inputs = r.metafile.inputs;
        const seen = new Set([entry]);
        const queue = [entry];
        while (queue.length) {
          const x = queue.shift();
          for (const i of inputs[x]?.imports ?? []) {
            if (i.kind === "dynamic-import" || i.external || seen.has(i.path)) continue;
            seen.add(i.path);
            queue.push(i.path);
          }
        }
        out[name] = { staticInputs: [...seen] };
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });
  `;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" })) as Record<string, Graph>;
}

describe("what jixiao check loads at start-up", () => {
  let g: Record<string, Graph>;
  beforeAll(() => {
    g = graphs({ main: "src/cli/main.ts", worker: "src/cli/worker.ts" });
  }, 60_000);

  it.each(["main", "worker"])("the %s bundle does not load zod", (name) => {
    const zod = g[name].staticInputs.filter((p) => p.includes("node_modules/zod/"));
    expect(zod).toEqual([]);
  });

  it("the worker loads the read path and the engine, the main thread neither", () => {
    const has = (name: string, part: string) => g[name].staticInputs.some((p) => p.includes(part));
    // The check worker: SheetJS and the rules (a sanity check that the graph is walked).
    expect(has("worker", "@e965/xlsx")).toBe(true);
    expect(has("worker", "src/core/rules/engine.ts")).toBe(true);
    // The main thread lists files, runs the pool and prints the report: no reader, no engine run.
    expect(has("main", "@e965/xlsx")).toBe(false);
    expect(has("main", "src/core/rules/engine.ts")).toBe(false);
  });
});
