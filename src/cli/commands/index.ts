/**
 * Subcommands other than `check`/`rules` (which live in main.ts): each module parses its own argv
 * and resolves to an exit code (0 ok, 2 usage or bad parameter). Register one line per command.
 * Each is loaded when it runs (`import()` of ../lazy.ts, a bundle of its own), so that `jixiao check`
 * does not load ExcelJS and the library tooling it never uses.
 */
import type { Io } from "../io";

export type Subcommand = (argv: readonly string[], io: Io) => Promise<number>;

// @@subcommand-imports

export const SUBCOMMANDS: Record<string, Subcommand> = {
  // @@subcommands
  library: async (argv, io) => (await import("../lazy")).libraryCommand(argv, io),
  suggest: async (argv, io) => (await import("../lazy")).suggestCommand(argv, io),
  plan: async (argv, io) => (await import("../lazy")).planCommand(argv, io),
  extract: async (argv, io) => (await import("../lazy")).extractCommand(argv, io),
};
