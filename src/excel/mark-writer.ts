/**
 * MarkWriter — setMarks / clearMarks of the OfficeWorkbook: the issues' cells filled with the mark
 * colours, and given back their own fill when the mark goes.
 *
 * ── HIGHLIGHTING: direct fill + a snapshot saved in the workbook (not conditional formats) ──────
 * The promise is "every touched cell gets back exactly the format it had, also after the workbook was
 * saved and reopened while highlighted". Both options can keep it; we chose direct fill because:
 *  1. Conditional formats cannot be found again cheaply. After reopening, the add-in must discover
 *     its own rules: ConditionalFormat has no tag, `items/custom/rule/formula` cannot be loaded on a
 *     collection that also holds other rule types (office-js #2180: "This operation is not permitted"),
 *     and a rule's range needs `getRange()` per rule — three round trips before the first write, per
 *     sheet, on workbooks whose users often keep their own conditional formats.
 *  2. CF is visibly ours in Home → Conditional Formatting → Manage Rules, travels with copy/paste into
 *     other files, has known repaint bugs (office-js #1157, #5299) and formula re-anchoring (#5194),
 *     and multi-area rules need RangeAreas (1.9) — above our 1.7 floor.
 *  3. A direct fill is what users expect a checker to do and what every platform renders at once.
 * The cost of direct fill is that we overwrite the user's fill, so we keep her format safe:
 *  - The cell's fill is read in the same batch as, and queued BEFORE, each write (loads see the state
 *    before later writes): ExcelApi 1.9 `getCellProperties` → colour AND pattern, exact; 1.7/1.8
 *    `format.fill.color`, where Excel reports No Fill as "#FFFFFF", so an explicit white fill is given
 *    back as No Fill — visually identical, documented in docs/highlighting.md.
 *  - The snapshot is saved IN THE WORKBOOK as a hidden named item per marked cell (`_JX_M_…`, visible
 *    = false) whose comment holds {severity, mark colour, original fill}. A name follows its cell when
 *    rows are inserted or deleted, survives save/reopen, and dies with its cell (→ #REF!, we drop it).
 *  - A mark is only undone if the cell still shows OUR colour. If the user re-coloured a marked cell
 *    (or undid our fill with Ctrl+Z), her choice wins: we drop the snapshot and do not touch the cell.
 *  - Excel copies the format of the row above into inserted rows; rows inserted right under a marked
 *    cell would inherit our colour. The port remembers insertions (from change events and its own
 *    insertRows edits) and gives such inherited cells the marked cell's original fill instead.
 *  - Cost follows the change, not the number of marks: marks are diffed against a cache of our mark
 *    names (loaded once, kept up to date by every write, dropped when rows or columns move and then
 *    reloaded inside the next readBlock's sync). Each write is decided on a GUESS of what its cell
 *    shows — the fill readBlock captured in its own sync, or what we last wrote there — and the read
 *    queued before it in the same batch CHECKS the guess; a wrong guess (a cell re-coloured since it
 *    was last read) is corrected by a second sync at once. An edit: readBlock (1 sync) + setMarks
 *    (1 sync; 0 when no mark changes). See mark-cache.ts and docs/highlighting.md.
 *  - Undo (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities; RunOptions:
 *    "each context.sync() call creates an undo record"): every highlight write is an undo step of the
 *    user's, so her Ctrl+Z may undo a mark instead of her typing, and no event says so. Nothing on this
 *    path calls a setter that cannot be undone (a name's `comment` is not undoable on Excel on the web
 *    and would clear her undo stack: a note that changes is a NEW hidden name, the old one deleted),
 *    and a mark whose cell shows its own fill again (undone) is repainted at the next setMarks.
 *  - Names are hidden in the batch AFTER the one that adds them: `visible = false` in the adding
 *    batch is reported to do nothing (issue 13), which would fill Name Manager with our names.
 *  - Copies of a mark: paste, fill-down and sort carry a mark's colour to other cells. Those cells,
 *    in a block the user changed, showing a colour that one of OUR marks (the add-in's record) has,
 *    get that mark's original fill back (mark-plan.ts copiedCells), never taken for the user's own.
 *  - Gradients cannot be written by the API: such a cell is never painted (MarkResult.skipped).
 *
 * One pass (markOnce) is three steps: READ what is not known (the mark names when the cache is not
 * trusted, the protection of sheets not seen yet), PLAN the writes on guesses (mark-plan.ts, pure),
 * QUEUE them — each write after a read of the cell's fill — in one batch and VERIFY every guess against
 * that read after the sync, correcting the wrong ones in a second sync.
 */
import { worse } from "../core/model/severity";
import { normCell, splitQualified } from "./address";
import { ProtectedSheetError, excelErrorCode } from "./errors";
import type { RangeBox } from "../core/grid/a1";
import { fillSnapshot, isGradient, probeFill, shows, sameFill, writeFill, type FillProbe } from "./fill-probe";
import { CachedMark, FillCache, FillSnapshot, Flight, MARK_NAME_PREFIX, cellKey, parseMarkNames } from "./mark-cache";
import { MARK_COLORS, markNote, originalFill, planMarks, type CopiedBox, type InsertedRows, type MarkPlan, type PlannedStep } from "./mark-plan";
import type { Mark, MarkResult } from "./port";
import { SHEET_PROPS, type SheetRegistry } from "./sheets";


/** Excel errors after which setMarks starts again from what the workbook holds (once). */
const RETRY_CODES = new Set(["AccessDenied", "InvalidOperation", "ItemNotFound", "InvalidReference", "ItemAlreadyExists"]);

/** What the writer needs of the workbook adapter. */
export interface MarkHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  readonly cellProperties: boolean;
  readonly fills: FillCache;
  readonly sheets: SheetRegistry;
  /** A live change subscription reports moved rows, so the mark cache is trusted between calls. */
  live(): boolean;
  /** Loads the sheet list again (names, protection). */
  listSheets(): Promise<unknown>;
  /** Excel's refusal turned into the adapter's errors (protected or missing sheets). */
  explainWriteError(err: unknown, sheetNames: string[]): Promise<unknown>;
  /** Only marks on these sheets are the writer's (the self-test's scratch sheet); all when absent. */
  scope?: (sheet: string) => boolean;
}

/** What READ learnt: the marks held, the broken mark names to delete, which sheets are protected. */
interface MarkState {
  current: Map<string, CachedMark>;
  broken: string[];
  isProtected: (sheet: string) => boolean;
}

/** A planned step with the proxies queued for it: the read of the cell's fill before the write, the mark's range. */
type QueuedStep =
  | (Extract<PlannedStep, { kind: "remove" }> & { range: Excel.Range; probe: FillProbe })
  | (Extract<PlannedStep, { kind: "inherit" }> & { probe: FillProbe })
  | (Extract<PlannedStep, { kind: "update" }> & { range: Excel.Range; probe: FillProbe; name: string })
  | (Extract<PlannedStep, { kind: "add" }> & { name: string; probe: FillProbe });

const markFill = (severity: Mark["severity"]): FillSnapshot => ({ color: MARK_COLORS[severity], pattern: "Solid" });

export class MarkWriter {
  /**
   * Our marks by the cell they point at now, or null when unknown (never loaded, or dropped because
   * rows/columns moved). Trusted between calls only while a change subscription reports moves.
   */
  private marks: Map<string, CachedMark> | null = null;
  /** Mark names found broken (#REF!, foreign comment, duplicate) by the last load: deleted on the next write. */
  private brokenMarks: string[] = [];
  /** Bumped whenever the mark cache is dropped. */
  private epoch = 0;
  /** setMarks/clearMarks run one at a time. */
  private chain: Promise<unknown> = Promise.resolve();
  /** Rows inserted since the last setMarks (they may have inherited a mark's fill). */
  private inserted: InsertedRows[] = [];
  /** Blocks pasted, filled or sorted into since the last setMarks (they may show copies of marks). */
  private copied: CopiedBox[] = [];
  private seq = 0;
  private readonly session = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, "0");

  constructor(private readonly host: MarkHost) {}

  /** Makes exactly these cells marked (see OfficeWorkbook.setMarks); `reload` re-reads the mark names first. */
  update(marks: readonly Mark[], reload: boolean): Promise<MarkResult> {
    const want = new Map<string, Mark>();
    for (const m of marks) {
      const k = cellKey(m.sheet, m.cell);
      const prev = want.get(k);
      if (!prev || worse(m.severity, prev.severity)) want.set(k, { ...m, cell: normCell(m.cell) });
    }
    const job = this.chain.then(() => this.markWithRetry(want, reload));
    this.chain = job.catch(() => undefined);
    return job;
  }

  /** Rows were inserted (their cells may have inherited a mark's fill). */
  noteInserted(rows: InsertedRows): void {
    this.inserted.push(rows);
  }

  /** The user pasted, filled or sorted into this block (its cells may now show copies of marks). */
  noteCopied(sheet: string, box: RangeBox): void {
    this.copied.push({ sheet, box });
    if (this.copied.length > 200) this.copied.shift();
  }

  /** Queues a load of the workbook's names (to learn our marks) when they are not known. */
  prime(context: Excel.RequestContext): Excel.NamedItemCollection | null {
    if (this.marks !== null) return null;
    const names = context.workbook.names;
    names.load("items/name,items/formula,items/comment");
    return names;
  }

  /** Takes the marks from a names load, unless marks were written or moved while it was on its way. */
  take(names: Excel.NamedItemCollection | null, flight: Flight): void {
    if (!names || flight.namesStale || this.marks !== null) return;
    const parsed = parseMarkNames(names.items);
    this.marks = parsed.marks;
    this.brokenMarks = parsed.broken;
  }

  /**
   * Rows or columns moved (or a write failed): forget where marks are and, unless told otherwise,
   * what cells show.
   */
  drop(keepFills = false): void {
    this.marks = null;
    this.brokenMarks = [];
    this.epoch++;
    if (!keepFills) this.host.fills.clear();
  }

  private async markWithRetry(want: Map<string, Mark>, reload: boolean): Promise<MarkResult> {
    let out: MarkResult;
    try {
      out = await this.markOnce(want, reload);
    } catch (err) {
      if (!RETRY_CODES.has(excelErrorCode(err) ?? "")) throw err;
      // Something the caches did not know (a sheet protected or renamed meanwhile, a mark name deleted
      // elsewhere): start again from what the workbook holds now.
      this.drop();
      await this.host.listSheets().catch(() => undefined);
      try {
        out = await this.markOnce(want, true);
      } catch (e2) {
        throw await this.host.explainWriteError(e2, [...new Set([...want.values()].map((m) => m.sheet))]);
      }
    }
    if (out.protectedSheets.length) {
      const err = new ProtectedSheetError(out.protectedSheets);
      (err as ProtectedSheetError & { result?: MarkResult }).result = out;
      throw err;
    }
    return out;
  }

  /**
   * One pass: read → plan → queue → verify. Existing marks are read and written through their name
   * (addressed right even if the cache were out of date), new ones by address.
   */
  private async markOnce(want: Map<string, Mark>, forceReload: boolean): Promise<MarkResult> {
    const cached = this.marks;
    const epoch = this.epoch;
    const reload = forceReload || cached === null || !this.host.live();
    const inserted = this.inserted;
    const copied = this.copied;
    const out = await this.host.run(async (context) => {
      const state = await this.read(context, want, cached, reload);
      await this.probeUnknown(context, want, state.current);
      const plan = planMarks(want, state.current, inserted, (key) => this.host.fills.get(key), state.isProtected, copied);
      if (plan.steps.length === 0 && state.broken.length === 0) return { marked: 0, restored: 0, released: 0, protectedSheets: plan.protectedHit, skipped: plan.skipped };
      const steps = this.queue(context, plan, state.broken);
      const result = await this.verify(context, steps, plan);
      // The cache follows what was written (unless rows moved meanwhile: then it is reloaded later).
      if (this.epoch === epoch) this.follow(state.current, steps);
      return { ...result, protectedSheets: plan.protectedHit, skipped: plan.skipped + (result.skipped ?? 0) };
    });
    // Only the insertions and copies that were examined are done with; newer ones stay queued.
    this.inserted = this.inserted.filter((i) => !inserted.includes(i));
    this.copied = this.copied.filter((c) => !copied.includes(c));
    return out;
  }

  /**
   * Cells about to be marked whose fill is not known (never read): read first, in a sync of their
   * own, so that a fill the API cannot write back (a gradient) is never painted over.
   */
  private async probeUnknown(context: Excel.RequestContext, want: Map<string, Mark>, current: Map<string, CachedMark>): Promise<void> {
    const probes: { key: string; probe: FillProbe }[] = [];
    for (const [key, m] of want) {
      if (current.has(key) || this.host.fills.get(key) !== undefined) continue;
      if (!this.host.cellProperties) continue; // below 1.9 a gradient cannot be told apart anyway
      probes.push({ key, probe: probeFill(context.workbook.worksheets.getItem(m.sheet).getRange(m.cell), true) });
    }
    if (probes.length === 0) return;
    const flight = this.host.fills.begin();
    try {
      await context.sync();
    } finally {
      this.host.fills.end(flight);
    }
    for (const p of probes) this.host.fills.record(flight, p.key, fillSnapshot(p.probe));
  }

  /**
   * READ, only what is needed: the mark names when the cache is not trusted; the sheet list (with
   * protection and its options) when a sheet is not known yet. No method is called on a null object:
   * the sheets come from the collection, not from getItemOrNullObject.
   */
  private async read(context: Excel.RequestContext, want: Map<string, Mark>, cached: Map<string, CachedMark> | null, reload: boolean): Promise<MarkState> {
    let current = cached ?? new Map<string, CachedMark>();
    let broken = this.brokenMarks;
    const known = new Set(this.host.sheets.all().map((si) => si.name.toLowerCase()));
    const unknown = [...want.values()].some((m) => !known.has(m.sheet.toLowerCase()));
    const loaded = reload ? context.workbook.names.load("items/name,items/formula,items/comment") : null;
    const sheetList = reload || unknown ? context.workbook.worksheets.load(SHEET_PROPS) : null;
    if (sheetList) {
      await context.sync();
      this.host.sheets.remember(sheetList.items);
      if (loaded) {
        const parsed = parseMarkNames(loaded.items);
        current = parsed.marks;
        broken = parsed.broken;
      }
    }
    const scope = this.host.scope;
    if (scope) {
      // The self-test's writer: the workbook's other marks (and broken names) are not its business.
      current = new Map([...current].filter(([, m]) => scope(m.sheet)));
      broken = [];
    }
    return { current, broken, isProtected: (sheet) => !this.host.sheets.canFormat(sheet) };
  }

  /**
   * QUEUE the plan in one batch: the broken names deleted, then every step's write, each right after
   * a read of the cell's fill (loads see the state before later writes).
   */
  private queue(context: Excel.RequestContext, plan: MarkPlan, broken: readonly string[]): QueuedStep[] {
    const names = context.workbook.names;
    const cp = this.host.cellProperties;
    const sheetRange = (sheet: string, cell: string): Excel.Range => context.workbook.worksheets.getItem(sheet).getRange(cell);
    for (const name of broken) names.getItem(name).delete();
    return plan.steps.map((s): QueuedStep => {
      if (s.kind === "remove") {
        const item = names.getItem(s.cur.name);
        const range = item.getRange();
        range.load("address");
        const probe = probeFill(range, cp);
        if (s.restore) writeFill(range, s.cur.note.o, cp);
        item.delete();
        return { ...s, range, probe };
      }
      if (s.kind === "inherit") {
        const range = sheetRange(s.sheet, s.cell);
        const probe = probeFill(range, cp);
        if (s.write) writeFill(range, s.above.note.o, cp);
        return { ...s, probe };
      }
      if (s.kind === "update") {
        const item = names.getItem(s.cur.name);
        const range = item.getRange();
        range.load("address");
        const probe = probeFill(range, cp);
        writeFill(range, markFill(s.m.severity), cp);
        if (!s.rename) return { ...s, range, probe, name: s.cur.name };
        // A changed note is a new name (a name's comment setter is not undoable on the web).
        const name = this.newName();
        names.add(name, range, JSON.stringify(markNote(s.m.severity, s.o)));
        item.delete();
        return { ...s, range, probe, name };
      }
      const range = sheetRange(s.m.sheet, s.m.cell);
      const probe = probeFill(range, cp);
      const name = this.newName();
      writeFill(range, markFill(s.m.severity), cp);
      names.add(name, range, JSON.stringify(markNote(s.m.severity, s.o)));
      return { ...s, name, probe };
    });
  }

  private newName(): string {
    return `${MARK_NAME_PREFIX}${this.session}_${(++this.seq).toString(36)}`;
  }

  /**
   * Syncs the queued writes, then VERIFIES every guess against the fill the cell had right before
   * its write; wrong guesses (a cell re-coloured since it was last read) are corrected in a second
   * sync. The fill cache learns what every cell shows now.
   */
  private async verify(context: Excel.RequestContext, steps: QueuedStep[], plan: MarkPlan): Promise<Omit<MarkResult, "protectedSheets">> {
    const result = { marked: 0, restored: 0, released: 0, skipped: 0 };
    const names = context.workbook.names;
    const cp = this.host.cellProperties;
    const sheetRange = (sheet: string, cell: string): Excel.Range => context.workbook.worksheets.getItem(sheet).getRange(cell);
    const keys = steps.map((s) => s.key);
    this.host.fills.writing(keys, true);
    let fixes = 0;
    try {
      await context.sync();
      // Names added in that batch are hidden now, in the next one.
      const added = steps.filter((s) => s.kind === "add" || (s.kind === "update" && s.rename)).map((s) => (s as { name: string }).name);
      for (const n of added) names.getItem(n).visible = false;
      const readded: string[] = [];
      const shown = new Map<string, FillSnapshot>(); // what each cell shows once the fixes are in
      for (const s of steps) {
        const before = fillSnapshot(s.probe);
        if (s.kind === "remove") {
          const restore = shows(before, s.cur.note.c);
          if (restore !== s.restore) {
            // The name is gone now: address the cell where it was.
            const at = splitQualified(s.range.address);
            writeFill(sheetRange(at.sheet ?? s.cur.sheet, at.address), restore ? s.cur.note.o : before, cp);
            fixes++;
          }
          if (restore) result.restored++;
          else result.released++;
          shown.set(s.key, restore ? s.cur.note.o : before);
        } else if (s.kind === "inherit") {
          const write = shows(before, s.above.note.c);
          if (write !== s.write) {
            writeFill(sheetRange(s.sheet, s.cell), write ? s.above.note.o : before, cp);
            fixes++;
          }
          shown.set(s.key, write ? s.above.note.o : before);
        } else {
          const gone = s.kind === "update" && !shows(before, s.cur.note.c);
          const userChanged = gone && !sameFill(before, (s as { cur: CachedMark }).cur.note.o);
          const o = s.kind === "update" ? (userChanged ? before : s.cur.note.o) : originalFill(plan.inheritedAbove, s.key, before);
          if (!sameFill(o, s.o)) {
            // The guess was wrong: the note is replaced by a new name (no comment setter).
            const name = this.newName();
            const at = s.kind === "update" ? splitQualified(s.range.address) : { sheet: s.m.sheet, address: s.m.cell };
            names.add(name, sheetRange(at.sheet ?? s.m.sheet, at.address), JSON.stringify(markNote(s.m.severity, o)));
            names.getItem(s.name).delete();
            s.name = name;
            readded.push(name);
            fixes++;
          }
          if (isGradient(before)) {
            // Painted over a gradient the guess did not know: it cannot be written back; say so.
            result.skipped++;
          }
          if (s.kind === "add" || gone || s.cur.note.s !== s.m.severity) result.marked++;
          s.o = o;
          shown.set(s.key, markFill(s.m.severity));
        }
      }
      if (fixes > 0 || added.length > 0) await context.sync();
      if (readded.length > 0) {
        for (const n of readded) names.getItem(n).visible = false;
        await context.sync();
      }
      for (const [k, f] of shown) this.host.fills.wrote(k, f);
    } catch (err) {
      this.host.fills.forget(keys);
      this.drop();
      throw err;
    }
    return result;
  }

  /** The mark cache follows what was written; a name that pointed elsewhere than the cache thought drops it. */
  private follow(current: Map<string, CachedMark>, steps: readonly QueuedStep[]): void {
    let moved = false;
    for (const s of steps) {
      if (s.kind === "remove") current.delete(s.key);
      else if (s.kind === "update") current.set(s.key, { ...s.cur, name: s.name, note: markNote(s.m.severity, s.o) });
      else if (s.kind === "add") current.set(s.key, { name: s.name, sheet: s.m.sheet, cell: s.m.cell, note: markNote(s.m.severity, s.o) });
      if (s.kind === "remove" || s.kind === "update") {
        const at = splitQualified(s.range.address);
        if (cellKey(at.sheet ?? "", at.address) !== s.key) moved = true;
      }
    }
    this.marks = current;
    this.brokenMarks = [];
    if (moved) this.drop();
  }
}
