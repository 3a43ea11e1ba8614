// Regenerates src/core/library/builtin.json from seed-indicators.tsv and supplement/*.txt:
//   node scripts/library/build.mjs
// Bundles build-library.ts with esbuild (into a temp dir) and runs it.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-library-"));
const out = path.join(dir, "build-library.js");
try {
  await build({
    entryPoints: ["scripts/library/build-library.ts"],
    outfile: out,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    logLevel: "error",
    nodePaths: [path.resolve("node_modules")],
  });
  execFileSync("node", [out, ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, NODE_PATH: path.resolve("node_modules") } });
} catch {
  process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
