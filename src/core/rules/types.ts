import type { CellEdit, Issue, ProjectTable, Severity } from "../model/schema";

/**
 * Rule metadata, ESLint-style. The id is a contract (reports, docs/rules/<id>.md, tests use it).
 * User-facing text (title, basis, messages) lives in the catalogs under `rules[id]`.
 */
export interface RuleMeta {
  id: string;
  /** problem = the table is wrong; suggestion = it could be better; layout = structure of the form. */
  type: "problem" | "suggestion" | "layout";
  defaultSeverity: Severity;
  /** Message ids the rule may report; the catalogs must have each under rules[id].messages. */
  messageIds: readonly string[];
  /** Short source keys backing the rule (domain.md sections, regulation), e.g. ["domain §b3", "88号"]. */
  sources: readonly string[];
  /** Reports carry a `fix` that is safe to apply in bulk. */
  fixable: boolean;
  /** Reports may carry `suggestions` a person chooses from. */
  hasSuggestions: boolean;
  /** "table" rules look at one table; "workbook" rules see every table (e.g. copied-indicators). */
  scope: "table" | "workbook";
}

export interface ReportDescriptor {
  messageId: string;
  /** A1 address on the table's sheet; null means the table's first cell. */
  cell: string | null;
  data?: Record<string, string | number>;
  fix?: { text: string; edits: CellEdit[] };
  /**
   * Caps this report's severity (the run's severity for the rule applies when it is milder), for a
   * hint inside a stricter rule, e.g. category-missing's costKindMissing is info at most.
   */
  maxSeverity?: Severity;
  suggestions?: { text: string; edits: CellEdit[] }[];
}

export interface RuleContext {
  table: ProjectTable;
  tableIndex: number;
  /** Every table of the workbook, in reading order (sheet order, then top to bottom). */
  tables: readonly ProjectTable[];
  /** Rule options (from the run's configuration), e.g. { year: 2022 }. */
  options: RuleOptions;
  report(d: ReportDescriptor): void;
}

export interface RuleOptions {
  /** Budget year, when known (from --year or the project code); used by code-format and time rules. */
  year?: number;
  [k: string]: unknown;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export type { Issue };
