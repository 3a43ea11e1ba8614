/**
 * The controller's shared state: the immutable snapshot the pane reads (`state`, announced to
 * listeners after every change), notices, the promises in flight, and the working state every job
 * module reads and writes (the tracked tables, the saved mapping records, the dirty set, the marks
 * chain, the undo stack, the custom library). The job modules are functions over one PaneStore.
 */
import type { RunConfig } from "../../core/rules/engine";
import { ALL_RULES } from "../../core/rules/registry";
import type { Rule } from "../../core/rules/types";
import type { LibraryEntry } from "../../core/library/schema";
import type { DirtyCollector } from "../../excel/dirty";
import type { ChangeSubscription, Edit, LoadedMapping, WorkbookPort } from "../../excel/port";
import type { ControllerOptions, FreshRows, Notice, PaneState, Timing, TrackedTable } from "./types";

export const TABLE_RULES = ALL_RULES.filter((r) => r.meta.scope !== "workbook");
export const WORKBOOK_RULES = ALL_RULES.filter((r) => r.meta.scope === "workbook");

export interface UndoStep {
  inverse: Edit[];
  key: string;
  data: Record<string, string | number>;
  cells: number;
  /** The change wrote a new table: the tables are detected again after its undo. */
  redetect?: boolean;
}

export class PaneStore {
  readonly port: WorkbookPort;
  readonly debounceMs: number;
  readonly maxMarks: number;
  readonly extraRows: number;
  readonly maxMappingRows: number;
  readonly now: () => number;
  readonly onTiming?: (t: Timing) => void;
  readonly loadLibraryIndex?: () => Promise<unknown>;
  runConfig: Pick<RunConfig, "severity" | "options">;

  /** The tables found or mapped, in sheet order, then top to bottom. */
  tracked: TrackedTable[] = [];
  sheetOrder = new Map<string, number>();
  mappings: LoadedMapping[] = [];
  dirty = new Set<TrackedTable>();
  /** Set by the controller (it flushes into live re-validation). */
  collector!: DirtyCollector;
  subscription: ChangeSubscription | null = null;
  running = new Set<Promise<unknown>>();
  marksChain: Promise<void> = Promise.resolve();
  marksQueued = false;
  /** The mark list last written successfully (writing the same list again is skipped). */
  lastMarks: string | null = null;
  firstEventAt: number | null = null;
  undoStack: UndoStep[] = [];
  seq = 0;
  private noticeSeq = 0;
  /** Rows just inserted from the library whose missing value is not reported yet (types.ts FreshRows). */
  freshRows: FreshRows | null = null;
  /** The workbook's custom indicator library (saved in the reserved mapping record). */
  customEntries: LibraryEntry[] = [];
  /** Bumped when customEntries change (the library tab and the rules' index are rebuilt). */
  libraryRevision = 0;
  /** The library the rules' index is built on (ControllerOptions.loadLibraryIndex or setLibraryIndex), or null. */
  baseIndex: unknown = null;
  /** The libraryRevision the rules' index (runConfig.options.libraryIndex) was built for. */
  ruleIndexRevision = -1;
  disposed = false;
  /** ControllerOptions.selfTest. */
  readonly selfTest: ControllerOptions["selfTest"];
  state: PaneState;
  private listeners = new Set<() => void>();
  /** The last re-validations, newest last (at most 50). */
  readonly timings: Timing[] = [];
  /** readBlock calls made by live re-validation (for tests and the bench). */
  readCount = 0;

  constructor(port: WorkbookPort, opts: ControllerOptions) {
    this.port = port;
    this.debounceMs = opts.debounceMs ?? 300;
    this.maxMarks = opts.maxMarks ?? 1500;
    this.extraRows = opts.extraRows ?? 5;
    this.maxMappingRows = opts.maxMappingRows ?? 5000;
    this.now = opts.now ?? (() => (typeof performance !== "undefined" ? performance.now() : Date.now()));
    this.runConfig = opts.runConfig ?? {};
    this.onTiming = opts.onTiming;
    this.loadLibraryIndex = opts.loadLibraryIndex;
    this.selfTest = opts.selfTest;
    this.state = {
      phase: "idle",
      tables: [],
      issues: [],
      totals: { error: 0, warning: 0, info: 0 },
      brokenMappings: [],
      emptySheets: [],
      highlight: true,
      protectedSheets: [],
      notices: [],
      busy: false,
      undo: null,
      revision: 0,
    };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch, revision: this.state.revision + 1 };
    for (const l of [...this.listeners]) l();
  }

  notify(n: Omit<Notice, "id">): void {
    const notices = [...this.state.notices, { ...n, id: ++this.noticeSeq }].slice(-6);
    this.set({ notices });
  }

  /** Notes the error as a notice (in both languages). */
  fail(e: unknown): void {
    this.notify({ level: "error", text: errorText(e) });
  }

  /** Adds sheets found protected to the state. */
  addProtected(sheets: readonly string[]): void {
    this.set({ protectedSheets: [...new Set([...this.state.protectedSheets, ...sheets])] });
  }

  /** The user has moved on from the rows just inserted: their missing values are reported again. */
  endFreshRows(): void {
    if (!this.freshRows) return;
    this.freshRows = null;
    if (this.state.valueHint) this.set({ valueHint: null });
  }

  /** Keeps a promise in `running` until it settles (whenIdle waits for them). */
  track<T>(p: Promise<T>): Promise<T> {
    this.running.add(p);
    const done = (): void => {
      this.running.delete(p);
    };
    p.then(done, done);
    return p;
  }

  /** The engine's configuration for these rules (severity overrides of other rules left out). */
  config(rules: readonly Rule[]): RunConfig {
    const ids = new Set(rules.map((r) => r.meta.id));
    const severity = Object.fromEntries(Object.entries(this.runConfig.severity ?? {}).filter(([id]) => ids.has(id)));
    return { rules, severity, options: this.runConfig.options, locale: "zh-CN" };
  }

  /** A tracked table by its id, when it is parsed and not lost. */
  okTable(id: string): (TrackedTable & { model: NonNullable<TrackedTable["model"]> }) | null {
    const t = this.tracked.find((x) => x.id === id);
    return t && t.model && t.status === "ok" ? (t as TrackedTable & { model: NonNullable<TrackedTable["model"]> }) : null;
  }

  /** The table's position among the sheets (unknown sheets last). */
  order(t: TrackedTable): number {
    return this.sheetOrder.get(t.sheet.toLowerCase()) ?? 1e6;
  }

  sortTracked(): void {
    this.tracked.sort((a, b) => this.order(a) - this.order(b) || a.block.top - b.block.top || a.block.left - b.block.left);
  }

  isProtectedSheet(sheet: string): boolean {
    return this.state.protectedSheets.some((p) => sameSheet(p, sheet));
  }
}

export function errorText(e: unknown): { zh: string; en: string } {
  if (e && typeof e === "object" && "zh" in e && "en" in e) {
    const w = e as { zh: unknown; en: unknown };
    if (typeof w.zh === "string" && typeof w.en === "string") return { zh: w.zh, en: w.en };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return { zh: `操作失败：${msg}`, en: `The operation failed: ${msg}` };
}

export function isProtectedError(e: unknown): e is { sheets: string[] } & Error {
  return !!e && typeof e === "object" && (e as { code?: unknown }).code === "sheet-protected" && Array.isArray((e as { sheets?: unknown }).sheets);
}

export function isSheetNotFound(e: unknown): boolean {
  return !!e && typeof e === "object" && (e as { code?: unknown }).code === "sheet-not-found";
}

export const sameSheet = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
