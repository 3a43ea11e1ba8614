/**
 * `jixiao suggest "<text>" [--level1 …] [--level2 质量指标] [--type 会议] [--limit 10] [--project "<项目名称>"]
 *                 [--import file] [--format text|json] [--lang zh-CN|en]`
 * Looks the text up in the indicator library (Chinese, pinyin or initials) and prints the ranked
 * standard wordings. JSON: { "query", "results": [ { id, name, level1, level2, unit, typical, score } ] },
 * best first. --level1/--level2/--type filter; --project weighs the types inferred from a project name.
 */
import { t, type Locale } from "../../core/messages";
import { canonicalLevel1, canonicalLevel2 } from "../../core/forms/categories";
import { canonicalProjectType, PROJECT_TYPES } from "../../core/library/project-types";
import { createSearchIndex, search } from "../../core/library/search";
import { reasonText } from "../../core/library/reasons";
import type { Subcommand } from "./index";
import { ImportFailure, LibUsageError, loadLibrary, parseOptions, usageFailure } from "./library";

export const suggestCommand: Subcommand = async (argv, io) => {
  let query: string;
  let level1: string | null = null;
  let level2: string | null = null;
  let type: string | null = null;
  let limit = 10;
  let opts: Map<string, string>;
  try {
    const parsed = parseOptions(argv, ["--level1", "--level2", "--type", "--limit", "--format", "--lang", "--import", "--project"]);
    opts = parsed.opts;
    query = parsed.positional.join(" ").trim();
    if (!query) throw new LibUsageError("cli.library.usage.noQuery");
    const l1 = opts.get("--level1");
    if (l1 !== undefined && (level1 = canonicalLevel1(l1)) === null) throw new LibUsageError("cli.library.usage.badLevel", { value: l1 });
    const l2 = opts.get("--level2");
    if (l2 !== undefined && (level2 = canonicalLevel2(l2)) === null) throw new LibUsageError("cli.library.usage.badLevel", { value: l2 });
    const ty = opts.get("--type");
    if (ty !== undefined && (type = canonicalProjectType(ty)) === null)
      throw new LibUsageError("cli.library.usage.unknownType", { value: ty, valid: PROJECT_TYPES.map((p) => p.id).join("、") });
    const lim = opts.get("--limit");
    if (lim !== undefined) {
      if (!/^\d+$/.test(lim) || Number(lim) < 1) throw new LibUsageError("cli.library.usage.badLimit", { value: lim });
      limit = Number(lim);
    }
  } catch (e) {
    if (e instanceof LibUsageError) return usageFailure(e, argv, io);
    throw e;
  }
  const lang = (opts.get("--lang") ?? "zh-CN") as Locale;
  let entries;
  try {
    entries = (await loadLibrary(opts.get("--import"), lang, io, true)).entries;
  } catch (e) {
    if (e instanceof LibUsageError) return usageFailure(e, argv, io);
    if (e instanceof ImportFailure) {
      io.stderr(e.message + "\n");
      return 2;
    }
    throw e;
  }
  const index = createSearchIndex(entries);
  const project = opts.get("--project");
  const results = search(index, query, { level1, level2, type, limit, ...(project ? { context: { projectName: project } } : {}) });

  if (opts.get("--format") === "json") {
    const body = {
      query,
      results: results.map((r) => ({
        id: r.entry.id,
        name: r.entry.name,
        level1: r.entry.level1,
        level2: r.entry.level2,
        unit: r.entry.unit,
        typical: r.entry.typical,
        score: r.score,
      })),
    };
    io.stdout(JSON.stringify(body, null, 2) + "\n");
    return 0;
  }
  if (!results.length) {
    io.stdout(t(lang, "cli.library.noResults", { query }) + "\n");
    return 0;
  }
  const lines = [t(lang, "cli.library.results", { query, count: results.length })];
  results.forEach((r, i) => {
    lines.push(
      t(lang, "cli.library.resultLine", {
        n: i + 1,
        name: r.entry.name,
        level1: r.entry.level1,
        level2: r.entry.level2,
        unit: r.entry.unit ?? "—",
        typical: r.entry.typical || "—",
        score: r.score,
      }),
    );
    lines.push(t(lang, "cli.library.resultReason", { reason: reasonText(r.reasons, lang) }));
  });
  io.stdout(lines.join("\n") + "\n");
  return 0;
};
