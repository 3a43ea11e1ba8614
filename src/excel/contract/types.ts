/**
 * The port contract suite's vocabulary: a case, what it needs of the host, what it is given, and the
 * checks it makes. Host-independent: the same cases run in jest against the in-memory Excel (under
 * every simulated requirement set) and inside Excel as the pane's self-test (runner.ts).
 */
import type { Capabilities, FillSpec, WorkbookPort } from "../port";
import type { Scratch } from "./scratch";

/** The issue-13 area a case covers (docs/excel-fidelity.md has one section each). */
export type Area =
  | "fills"
  | "names-absolute"
  | "names-hidden"
  | "undo"
  | "cell-edit"
  | "large"
  | "copies"
  | "null-objects"
  | "merged"
  | "formats"
  | "edits"
  | "mappings"
  | "events"
  | "requirement-sets";

/**
 * What a person does in the grid. In jest and the workbench the in-memory Excel's user does it; in
 * real Excel nobody can, and the cases that need it are reported as "needs a person" (skipped).
 */
export interface UserHands {
  type(sheet: string, a1: string, value: string | number | null): void;
  copyPaste(sheet: string, from: string, to: string): void;
  fillDown(sheet: string, range: string): void;
  sort(sheet: string, range: string, by: number): void;
  /** Ctrl+Z; false when there was nothing to undo. */
  undo(): boolean;
  undoDepth(): number;
  beginCellEdit(): void;
  endCellEdit(): void;
  /** A fill from the Home tab, gradients included (the API cannot write those). */
  setFill(sheet: string, a1: string, fill: (FillSpec & { pattern: string }) | null): void;
  /** Resolves once Excel delivered the events of what was done. */
  flush(): Promise<void>;
}

export interface CaseContext {
  /** The scratch sheet of this case (fresh, empty). */
  sheet: string;
  /** A fresh adapter whose marks are confined to scratch sheets. */
  port: WorkbookPort;
  caps: Capabilities;
  scratch: Scratch;
  user: UserHands | null;
  /** Office.context.diagnostics.platform ("OfficeOnline", "PC", "Mac" …). */
  platform: string;
  /** A change subscription that the runner disposes after the case. */
  subscribe(onDirty: Parameters<WorkbookPort["subscribe"]>[0]): Promise<void>;
  /** Waits a few ticks (for Excel's events, which arrive after the sync). */
  settle(): Promise<void>;
}

export interface ContractCase {
  id: string;
  area: Area;
  /** What is checked, Chinese first. */
  title: { zh: string; en: string };
  /** The documentation page or office-js issue the expected outcome rests on. */
  source: string;
  needs?: {
    /** Lowest ExcelApi 1.x minor version (the case is skipped below). */
    api?: number;
    /** A person's action (typing, paste, Ctrl+Z …). */
    user?: boolean;
    /** Only on this platform (e.g. Excel on the web's payload limit). */
    platform?: string;
  };
  run(ctx: CaseContext): Promise<void>;
}

export class ContractFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ContractFailure";
  }
}

export function check(ok: unknown, message: string): asserts ok {
  if (!ok) throw new ContractFailure(message);
}

export function same(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new ContractFailure(`${what}: expected ${e}, got ${a}`);
}

/** Runs fn and returns the error it threw (fails when it did not throw). */
export async function rejects(fn: () => Promise<unknown>, what: string): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new ContractFailure(`${what}: expected an error, none was raised`);
}
