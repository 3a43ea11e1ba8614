/**
 * Direct Excel calls the contract cases use to set up and inspect their scratch sheet — not through
 * the port, so that what the port did can be checked independently. Part of src/excel (Office.js).
 */
import { boxToA1, parseBox } from "../../core/grid/a1";
import type { ExcelLike } from "../office-workbook";
import type { FillSpec } from "../port";

export type Cell = string | number | boolean | null;

/** A cell's fill as Excel reports it, unprocessed (ExcelApi 1.9: getCellProperties; below: color only). */
export interface RawFill {
  color: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
  patternTintAndShade?: number | null;
}

/** The first cell's fill of a getCellProperties result (after its sync). */
function rawOf(p: OfficeExtension.ClientResult<Excel.CellProperties[][]>): RawFill {
  const f = p.value[0][0].format?.fill ?? {};
  return { color: f.color ?? null, pattern: f.pattern ?? null, patternColor: f.patternColor ?? null, tintAndShade: f.tintAndShade ?? null, patternTintAndShade: f.patternTintAndShade ?? null };
}

export class Scratch {
  constructor(
    private readonly excel: ExcelLike,
    readonly sheet: string,
    private readonly cellProperties: boolean,
  ) {}

  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.excel.run(batch);
  }

  private ws(context: Excel.RequestContext): Excel.Worksheet {
    return context.workbook.worksheets.getItem(this.sheet);
  }

  async create(): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.add(this.sheet);
      await context.sync();
    });
  }

  async remove(): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(this.sheet);
      await context.sync();
      if (ws.isNullObject) return;
      ws.protection.unprotect();
      ws.delete();
      await context.sync();
    });
  }

  /** Writes values (strings as typed: "'001" stays text) at a block starting at `a1`. */
  async write(a1: string, rows: Cell[][]): Promise<void> {
    const b = parseBox(a1);
    if (!b) throw new Error(a1);
    await this.run(async (context) => {
      this.ws(context).getRange(boxToA1({ top: b.top, left: b.left, bottom: b.top + rows.length - 1, right: b.left + rows[0].length - 1 })).values = rows.map((r) => r.map((v) => (v === null ? "" : v)));
      await context.sync();
    });
  }

  async values(a1: string): Promise<unknown[][]> {
    return this.run(async (context) => {
      const r = this.ws(context).getRange(a1);
      r.load("values");
      await context.sync();
      return r.values;
    });
  }

  async formulas(a1: string): Promise<unknown[][]> {
    return this.run(async (context) => {
      const r = this.ws(context).getRange(a1);
      r.load("formulas");
      await context.sync();
      return r.formulas;
    });
  }

  async numberFormat(a1: string, nf: string): Promise<void> {
    await this.run(async (context) => {
      this.ws(context).getRange(a1).numberFormat = [[nf]];
      await context.sync();
    });
  }

  async readNumberFormat(a1: string): Promise<unknown> {
    return this.run(async (context) => {
      const r = this.ws(context).getRange(a1);
      r.load("numberFormat");
      await context.sync();
      return r.numberFormat[0][0];
    });
  }

  /** A fill through the API: colour, pattern, pattern colour, tints (1.9), or No Fill. */
  async fill(a1: string, fill: FillSpec | null): Promise<void> {
    await this.run(async (context) => {
      const r = this.ws(context).getRange(a1);
      if (!fill) r.format.fill.clear();
      else if (!this.cellProperties) r.format.fill.color = fill.color;
      else {
        const spec: Excel.CellPropertiesFill = { color: fill.color, pattern: (fill.pattern ?? "Solid") as Excel.FillPattern, tintAndShade: fill.tintAndShade ?? 0 };
        if (fill.patternColor) spec.patternColor = fill.patternColor;
        r.setCellProperties([[{ format: { fill: spec } }]]);
      }
      await context.sync();
    });
  }

  async rawFill(a1: string): Promise<RawFill> {
    return this.run(async (context) => {
      if (this.cellProperties) {
        const p = this.ws(context).getRange(a1).getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } } });
        await context.sync();
        return rawOf(p);
      }
      const fill = this.ws(context).getRange(a1).format.fill;
      fill.load("color");
      await context.sync();
      return { color: fill.color };
    });
  }

  async merge(a1: string): Promise<void> {
    await this.run(async (context) => {
      this.ws(context).getRange(a1).merge(false);
      await context.sync();
    });
  }

  async select(a1: string): Promise<void> {
    await this.run(async (context) => {
      const ws = this.ws(context);
      ws.activate();
      ws.getRange(a1).select();
      await context.sync();
    });
  }

  async protect(opts: { allowFormatCells?: boolean } = {}): Promise<void> {
    await this.run(async (context) => {
      this.ws(context).protection.protect({ allowFormatCells: !!opts.allowFormatCells });
      await context.sync();
    });
  }

  async unlock(a1: string): Promise<void> {
    await this.run(async (context) => {
      this.ws(context).getRange(a1).format.protection.locked = false;
      await context.sync();
    });
  }

  /** Every workbook name with its formula and visibility. */
  async names(): Promise<{ name: string; formula: string; visible: boolean }[]> {
    return this.run(async (context) => {
      const n = context.workbook.names;
      n.load("items/name,items/formula,items/visible");
      await context.sync();
      return n.items.map((i) => ({ name: i.name, formula: i.formula, visible: i.visible }));
    });
  }

  /** Adds a name by formula; `hideInSameBatch` sets visible = false in the adding batch. */
  async addName(name: string, formula: string, hideInSameBatch = false): Promise<void> {
    await this.run(async (context) => {
      const item = context.workbook.names.add(name, formula);
      if (hideInSameBatch) item.visible = false;
      await context.sync();
    });
  }

  async deleteName(name: string): Promise<void> {
    await this.run(async (context) => {
      const n = context.workbook.names.getItemOrNullObject(name);
      await context.sync();
      if (n.isNullObject) return;
      n.delete();
      await context.sync();
    });
  }
}
