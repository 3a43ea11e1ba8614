/**
 * What `jixiao check` loads at start-up. The CLI is bundled (scripts/cli-bundles.mjs); everything in
 * a bundle is read and compiled when the process (or a check worker) starts, and what its entry
 * reaches through static imports is also evaluated, whether the run uses it or not.
 *
 * - zod (a schema object per model type) cost about 100 ms and 10 MB per thread, and checking never
 *   validates with it: the model's types come from the schemas (`import type`), the runtime constants
 *   from zod-free modules (model/severity.ts, model/plan-keys.ts, layout/empty-part.ts), the report's
 *   schema is in cli/report-schema.ts for the tests.
 * - The main thread of `check` lists files, runs the worker pool and prints the report: the reader,
 *   the engine and the other subcommands (lib/jixiao-lazy.js, loaded by import()) stay out of its
 *   bundle.
 *
 * The bundles are built in memory, with the options of the real build and esbuild's metafile.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

interface Bundle {
  /** Every input file in the bundle. */
  inputs: string[];
  /** The inputs the entry reaches through static imports (evaluated at start-up). */
  staticInputs: string[];
}

/** The lib/ bundles' contents, from a child process (the build options are an ES module). */
function bundles(): Record<string, Bundle> {
  const script = `
    import { build } from "esbuild";
    import { cliBuildOptions } from "./scripts/cli-bundles.mjs";
    const opts = cliBuildOptions({ quiet: true });
    const entries = { jixiao: opts.entryPoints.jixiao, "jixiao-worker": opts.entryPoints["jixiao-worker"], "jixiao-sheetjs": opts.entryPoints["jixiao-sheetjs"] };
    const r = await build({ ...opts, entryPoints: entries, write: false, metafile: true, sourcemap: false, logLevel: "silent" });
    const out = {};
    for (const [name, entry] of Object.entries(entries)) {
      const output = Object.entries(r.metafile.outputs).find(([k]) => k.endsWith("/" + name + ".js") || k === "lib/" + name + ".js")[1];
      const seen = new Set([entry]);
      const queue = [entry];
      while (queue.length) {
        const x = queue.shift();
        for (const i of r.metafile.inputs[x]?.imports ?? []) {
          if (i.kind === "dynamic-import" || i.external || seen.has(i.path)) continue;
          seen.add(i.path);
          queue.push(i.path);
        }
      }
      out[name] = { inputs: Object.keys(output.inputs), staticInputs: [...seen] };
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(stdout) as Record<string, Bundle>;
}

describe("what jixiao check loads at start-up", () => {
  let b: Record<string, Bundle>;
  beforeAll(() => {
    b = bundles();
  }, 60_000);
  const holds = (name: string, part: string) => b[name].inputs.some((p) => p.includes(part));

  it.each(["jixiao", "jixiao-worker"])("lib/%s.js holds no zod", (name) => {
    expect(b[name].inputs.filter((p) => p.includes("node_modules/zod/"))).toEqual([]);
  });

  it("the check worker holds the .xlsx read path and the engine, and evaluates them at start", () => {
    expect(b["jixiao-worker"].staticInputs).toContain("src/cli/read/ooxml.ts");
    expect(b["jixiao-worker"].staticInputs).toContain("src/core/rules/engine.ts");
  });

  it("SheetJS is not in the check worker: lib/jixiao-sheetjs.js is required on first use (.xls, .et, .ods, .xlsb, copies)", () => {
    expect(holds("jixiao-worker", "@e965/xlsx")).toBe(false);
    expect(holds("jixiao-sheetjs", "@e965/xlsx")).toBe(true);
    expect(b["jixiao-sheetjs"].inputs.filter((p) => p.startsWith("src/"))).toEqual(["src/cli/read/sheetjs-bundle.ts"]);
  });

  it("the main thread's bundle holds neither the reader, nor the engine, nor the other subcommands", () => {
    expect(holds("jixiao", "src/cli/main.ts")).toBe(true);
    expect(holds("jixiao", "@e965/xlsx")).toBe(false);
    expect(holds("jixiao", "src/core/rules/engine.ts")).toBe(false);
    expect(holds("jixiao", "src/cli/commands/library.ts")).toBe(false);
    expect(holds("jixiao", "src/cli/commands/extract.ts")).toBe(false);
    expect(holds("jixiao", "src/cli/opinions.ts")).toBe(false);
  });
});
