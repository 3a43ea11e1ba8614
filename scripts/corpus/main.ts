/**
 * npm run corpus [-- --record] [--json] [--kind project|department|all] [--tables dir]
 * Scores the engine on the real-table corpus (test/corpus/README.md). --record writes the figures to
 * test/corpus/figures.json (the project figures; with --kind department, its "department" part), which test/corpus/corpus.test.ts holds the engine to. --tables scores another
 * folder of labelled tables (e.g. the blind labels as first committed, taken out of git).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CORPUS_DIR, formatResult, loadCorpus, runCorpus } from "./score";
import { recordedFigures, FIGURES_FILE, toRecord } from "./figures";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const kindArg = args.includes("--kind") ? args[args.indexOf("--kind") + 1] : "project";
  const kinds = kindArg === "all" ? (["project", "department"] as const) : ([kindArg as "project" | "department"] as const);
  const tablesDir = args.includes("--tables") ? path.resolve(args[args.indexOf("--tables") + 1]) : undefined;
  if (tablesDir && args.includes("--record")) throw new Error("--record records the corpus in test/corpus/tables only");
  const result = await runCorpus(loadCorpus(tablesDir), { writeDir: path.join(CORPUS_DIR, "generated"), kinds });
  if (args.includes("--json")) console.log(JSON.stringify(result, null, 2));
  else console.log(formatResult(result));
  if (args.includes("--record")) {
    if (kindArg === "all") throw new Error("--record records one kind at a time: run without --kind, then with --kind department");
    const now = toRecord(result.figures, new Set(result.unreadable.map((u) => u.table)).size);
    // The project figures are the top level of the record; the department ones sit under "department".
    const prev = recordedFigures();
    const rec = kindArg === "department" ? { ...(prev ?? now), department: now } : { ...now, ...(prev?.department ? { department: prev.department } : {}) };
    fs.writeFileSync(FIGURES_FILE, JSON.stringify(rec, null, 2) + "\n");
    console.log(`\nrecorded ${path.relative(process.cwd(), FIGURES_FILE)}`);
  } else {
    const rec = recordedFigures();
    if (rec) console.log(`\nrecorded figures (${path.relative(process.cwd(), FIGURES_FILE)}): ${JSON.stringify(rec)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
