/**
 * Everything the CLI loads only when a run asks for it: the subcommands other than `check` / `rules`,
 * the custom-library importer (`check --library`) and the opinions workbook (`check --opinions`).
 * Imported with `import()` only. scripts/build-cli.mjs bundles it on its own (lib/jixiao-lazy.js), so
 * that `jixiao check` neither evaluates nor even compiles this code: its main thread's bundle is a
 * tenth of the size (test/repo/cli-bundle.test.ts).
 */
export { ImportFailure, libraryCommand, loadLibrary } from "./commands/library";
export { suggestCommand } from "./commands/suggest";
export { planCommand } from "./commands/plan";
export { extractCommand } from "./commands/extract";
export { writeOpinions } from "./opinions";
