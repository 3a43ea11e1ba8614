import type { CellEdit, Issue, ProjectTable, Severity } from "../model/schema";
import type { OpinionCode, PolicyClass } from "./policy";

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
  /** Severity policy class (docs/rules/README.md); defaultSeverity must be POLICY_SEVERITY[policy]. */
  policy: PolicyClass;
  /** Messages of a milder class than the rule's: their severity is capped at that class's severity. */
  messagePolicy?: Readonly<Record<string, PolicyClass>>;
  /** The reviewers' opinion code (审核意见类型) the rule's findings answer. */
  opinion: OpinionCode;
  /** Messages that answer another opinion code than the rule's. */
  messageOpinion?: Readonly<Record<string, OpinionCode>>;
  /**
   * A habit repeated row by row: when the rule reports the same message id on GROUP_MIN or more cells
   * of one table, those issues get one `group` key and are shown (and counted) as one finding.
   */
  groupable?: boolean;
  /**
   * A catch-all rule: its issue on a cell is dropped when another rule of the run reported the same
   * cell of the same table (the specific finding explains the cell; e.g. value-unparsed).
   */
  fallback?: boolean;
  /**
   * One cause, one finding: per message id of this rule, the findings ("rule" or "rule:messageId") that
   * its report on a table replaces; they are dropped from that table.
   */
  supersedes?: Readonly<Record<string, readonly string[]>>;
}

export interface ReportDescriptor {
  messageId: string;
  /** A1 address on the table's sheet; null means the table's first cell. */
  cell: string | null;
  data?: Record<string, string | number>;
  fix?: { text: string; edits: CellEdit[] };
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
