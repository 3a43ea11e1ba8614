/**
 * Subcommands other than `check`/`rules` (which live in main.ts): each module parses its own argv
 * and resolves to an exit code (0 ok, 2 usage or bad parameter). Register one line per command.
 */
import type { Io } from "../io";

export type Subcommand = (argv: readonly string[], io: Io) => Promise<number>;

// @@subcommand-imports
import { extractCommand } from "./extract";
import { libraryCommand } from "./library";
import { suggestCommand } from "./suggest";
import { planCommand } from "./plan";

export const SUBCOMMANDS: Record<string, Subcommand> = {
  // @@subcommands
  extract: extractCommand,
  library: libraryCommand,
  suggest: suggestCommand,
  plan: planCommand,
};
