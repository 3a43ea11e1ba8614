/**
 * ChangeFeed — OfficeWorkbook.subscribe: the user's changes reported as dirty ranges, the add-in's own
 * writes left out, and what a change means for the mark cache (moved rows, inserted rows, pasted
 * copies of a mark's colour) passed on to the MarkWriter.
 */
import { boxToA1, parseBox } from "../core/grid/a1";
import type { RangeBox } from "../core/grid/a1";
import { editBox } from "./edits";
import type { FillCache } from "./mark-cache";
import type { MarkWriter } from "./mark-writer";
import type { Capabilities, ChangeSubscription, DirtyRange, Edit } from "./port";
import { SHEET_PROPS, type SheetRegistry } from "./sheets";

/** What the feed needs of the workbook adapter. */
export interface ChangeHost {
  /** Excel.run in a given request context (a handler is removed in the context it was added in). */
  excel: { run<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  readonly capabilities: Pick<Capabilities, "collectionEvents" | "triggerSource">;
  readonly sheets: SheetRegistry;
  readonly fills: FillCache;
  readonly marker: Pick<MarkWriter, "noteInserted" | "noteCopied" | "drop">;
  /** Loads the sheet list again (a change on a sheet not seen yet). */
  listSheets(): Promise<unknown>;
  /** How long (ms) after our own write an event on the written cells is taken as ours (< ExcelApi 1.14). */
  windowMs: number;
}

export class ChangeFeed {
  /** Live subscriptions: without one, moved rows go unnoticed and the mark cache is re-validated. */
  private liveSubscriptions = 0;
  /** Our recent writes, for telling our change events apart below ExcelApi 1.14. */
  private selfWrites: { sheet: string; box: RangeBox; until: number }[] = [];

  constructor(private readonly host: ChangeHost) {}

  /** A subscription is live: moves are reported, so the mark cache is trusted between calls. */
  live(): boolean {
    return this.liveSubscriptions > 0;
  }

  /**
   * One subscription. ExcelApi 1.9: `worksheets.onChanged`; 1.7/1.8: `onChanged` on every sheet plus
   * `worksheets.onAdded` for sheets added later. Events caused by the add-in are dropped: by
   * `triggerSource === "ThisLocalAddin"` (1.14) or, below, when they fall inside cells the add-in
   * wrote within the guard window. Excel gives no `details` for multi-cell edits, so every event is
   * only "this address is dirty": debounce (createDirtyCollector) and re-read the mapped block.
   */
  async subscribe(onDirty: (ranges: DirtyRange[]) => void): Promise<ChangeSubscription> {
    const host = this.host;
    const handler = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
      if (args.triggerSource === "ThisLocalAddin") return;
      let sheet = host.sheets.nameOf(args.worksheetId);
      if (!sheet) {
        await host.listSheets().catch(() => undefined);
        sheet = host.sheets.nameOf(args.worksheetId);
        if (!sheet) return;
      }
      if (!host.capabilities.triggerSource && this.isOwnWrite(sheet, args.address)) return;
      const b = parseBox(args.address);
      if (args.changeType === "RowInserted" || args.changeType === "CellInserted") {
        if (b) host.marker.noteInserted({ sheet, top: b.top, count: b.bottom - b.top + 1 });
      }
      // Moved cells move our mark names: forget the cache, the next read reloads it. A paste, a
      // fill-down or a sort may bring fills — copies of a mark's colour among them: forget what was
      // seen there and have the next setMarks look at the block (mark-plan.ts copiedCells).
      if (args.changeType !== "RangeEdited" || !b) host.marker.drop();
      else {
        host.fills.forgetBox(sheet, b);
        host.marker.noteCopied(sheet, b);
      }
      onDirty([{ sheet, address: args.address, changeType: args.changeType }]);
    };
    const results: { context: unknown; remove(): void }[] = [];
    let live = true;
    await host.run(async (context) => {
      const ws = context.workbook.worksheets;
      ws.load(SHEET_PROPS);
      if (host.capabilities.collectionEvents) {
        results.push(ws.onChanged.add(handler));
        await context.sync();
        host.sheets.remember(ws.items);
        return;
      }
      await context.sync();
      host.sheets.remember(ws.items);
      for (const s of ws.items) results.push(s.onChanged.add(handler));
      results.push(
        ws.onAdded.add(async (added: Excel.WorksheetAddedEventArgs) => {
          await host.run(async (context) => {
            const s = context.workbook.worksheets.getItem(added.worksheetId);
            s.load("name,id,position");
            results.push(s.onChanged.add(handler));
            await context.sync();
            host.sheets.set({ name: s.name, id: s.id, position: s.position, protected: false });
          });
        }),
      );
      await context.sync();
    });
    // From now on moves are reported, so the mark cache is trusted between calls. It is reloaded once
    // (inside the next read) because rows may have moved before the handlers were in place.
    this.liveSubscriptions++;
    host.marker.drop(true);
    return {
      dispose: async () => {
        if (live) {
          live = false;
          this.liveSubscriptions--;
        }
        // Excel: a handler must be removed with the request context it was added in.
        const groups = new Map<Excel.RequestContext, typeof results>();
        for (const r of results) {
          const c = r.context as Excel.RequestContext;
          groups.set(c, [...(groups.get(c) ?? []), r]);
        }
        await Promise.all(
          [...groups].map(([owner, list]) =>
            host.excel.run(owner, async (context) => {
              for (const r of list) r.remove();
              await context.sync();
            }),
          ),
        );
        results.length = 0;
      },
    };
  }

  /** Before our edits are written: their cells are ours until renewGuard sets the real window. */
  guard(edits: readonly Edit[]): void {
    const until = Date.now() + this.host.windowMs + 60_000; // renewed with the real window after the sync
    for (const e of edits) this.selfWrites.push({ sheet: e.sheet, box: editBox(e), until });
  }

  /** After our edits were written: their cells stay ours for the guard window from now. */
  renewGuard(edits: readonly Edit[]): void {
    const now = Date.now();
    const boxes = new Set(edits.map((e) => `${e.sheet}!${boxToA1(editBox(e))}`));
    this.selfWrites = this.selfWrites.filter((w) => w.until > now);
    for (const w of this.selfWrites) if (boxes.has(`${w.sheet}!${boxToA1(w.box)}`)) w.until = now + this.host.windowMs;
  }

  private isOwnWrite(sheet: string, address: string): boolean {
    const b = parseBox(address);
    if (!b) return false;
    const now = Date.now();
    this.selfWrites = this.selfWrites.filter((w) => w.until > now);
    // A row insertion/deletion of ours is reported for the whole row; the guard box is whole rows too.
    return this.selfWrites.some(
      (w) => w.sheet.toLowerCase() === sheet.toLowerCase() && b.top >= w.box.top && b.bottom <= w.box.bottom && b.left >= w.box.left && b.right <= w.box.right,
    );
  }
}
