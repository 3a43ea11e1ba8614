// The esbuild options of the Node bundles in lib/ (CLI, check worker, fixture generator, bench,
// corpus): used by scripts/build-cli.mjs, and by test/repo/cli-bundle.test.ts to check what each
// bundle holds.
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

// SheetJS is bundled from its ES module build, which (unlike the CommonJS one) does not load its
// codepage tables at start-up: src/cli/read/workbook.ts loads them for .xls / .et / .xlsb only.
// A require() of SheetJS (src/cli/read/workbook.ts sheetJs(), loaded on first use) is its own bundle,
// lib/jixiao-sheetjs.js: a check worker that reads only .xlsx and .csv never reads or compiles it.
const sheetJsEsm = {
  name: "sheetjs-esm",
  setup(b) {
    b.onResolve({ filter: /^@e965\/xlsx$/ }, (args) =>
      args.kind === "require-call"
        ? { path: "./jixiao-sheetjs.js", external: true }
        : { path: fileURLToPath(new URL("../node_modules/@e965/xlsx/xlsx.mjs", import.meta.url)) },
    );
    b.onResolve({ filter: /^zod$/ }, () => ({ path: fileURLToPath(import.meta.resolve("zod")) }));
  },
};

// src/cli/lazy.ts (what the CLI loads only on demand) is its own bundle, lib/jixiao-lazy.js: the other
// bundles load it at run time when an import() asks for it, instead of carrying a copy that node
// would read and compile at every start.
const LAZY = fileURLToPath(new URL("../src/cli/lazy.ts", import.meta.url));
const lazyBundle = {
  name: "lazy-bundle",
  setup(b) {
    b.onResolve({ filter: /(^|\/)lazy$/ }, async (args) => {
      if (args.kind !== "dynamic-import") return undefined;
      const r = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: "require-call" });
      return r.path === LAZY ? { path: "./jixiao-lazy.js", external: true } : undefined;
    });
  },
};

/** esbuild options for every bundle of lib/. */
export function cliBuildOptions({ quiet = false } = {}) {
  return {
    absWorkingDir: ROOT,
    entryPoints: {
      jixiao: "src/cli/main.ts",
      "jixiao-lazy": "src/cli/lazy.ts",
      "jixiao-worker": "src/cli/worker.ts",
      "jixiao-sheetjs": "src/cli/read/sheetjs-bundle.ts",
      "make-fixtures": "scripts/make-fixtures.ts",
      bench: "scripts/bench.ts",
      corpus: "scripts/corpus/main.ts",
    },
    outdir: "lib",
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    sourcemap: true,
    packages: "external",
    plugins: [sheetJsEsm, lazyBundle],
    logLevel: quiet ? "error" : "info",
  };
}
