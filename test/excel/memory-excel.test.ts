/** The in-memory Excel behaves like Excel where the adapter depends on it. */
import { MemoryExcel, RequestContext, RichApiError } from "../../src/workbench/memory-excel";
import { sampleSnapshot } from "./helpers";

type Ctx = RequestContext;
const run = <T>(mem: MemoryExcel, f: (ctx: Ctx) => Promise<T>): Promise<T> => mem.Excel.run(f);

describe("proxies and sync", () => {
  test("reading a property that was not loaded throws Excel's PropertyNotLoaded", async () => {
    const mem = MemoryExcel.fromSnapshot(sampleSnapshot());
    const err = await run(mem, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("项目表").getRange("C4");
      await ctx.sync();
      try {
        void r.values;
      } catch (e) {
        return e as RichApiError;
      }
      return null;
    });
    expect(err).toBeInstanceOf(RichApiError);
    expect(err!.name).toBe("RichApi.Error");
    expect(err!.code).toBe("PropertyNotLoaded");
    expect(err!.message).toBe(
      `The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );
    expect(err!.debugInfo.errorLocation).toBe("Range.values");
  });

  test("a loaded property is available only after sync; a set takes effect at sync", async () => {
    const mem = MemoryExcel.fromSnapshot(sampleSnapshot());
    await run(mem, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("项目表").getRange("C4");
      r.load("values");
      expect(() => r.values).toThrow(/is not available/);
      await ctx.sync();
      expect(r.values).toEqual([["维修道路长度"]]);
      r.values = [["新值"]];
      expect(mem.user.value("项目表", "C4")).toBe("维修道路长度");
      await ctx.sync();
      expect(mem.user.value("项目表", "C4")).toBe("新值");
    });
    expect(mem.syncs).toBe(2);
  });

  test("a load queued before a write in the same batch sees the state before the write", async () => {
    const mem = MemoryExcel.fromSnapshot(sampleSnapshot());
    await run(mem, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("项目表");
      const before = ws.getRange("D4");
      before.load("values");
      ws.getRange("D4").values = [["≥6公里"]];
      const after = ws.getRange("D4");
      after.load("values");
      await ctx.sync();
      expect(before.values[0][0]).toBe("≥5公里");
      expect(after.values[0][0]).toBe("≥6公里");
    });
  });

  test("getItem on a missing sheet fails at sync with ItemNotFound; OrNullObject gives a null object", async () => {
    const mem = MemoryExcel.fromSnapshot(sampleSnapshot());
    await expect(
      run(mem, async (ctx) => {
        ctx.workbook.worksheets.getItem("nope").load("name");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    const isNull = await run(mem, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject("nope");
      expect(() => ws.isNullObject).toThrow(/isNullObject/);
      await ctx.sync();
      return ws.isNullObject;
    });
    expect(isNull).toBe(true);
  });

  test("values setter parses like Excel (en-US): numbers, percents, ' prefix, null leaves a cell alone", async () => {
    const mem = MemoryExcel.fromSnapshot(sampleSnapshot());
    await run(mem, async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").getRange("A2:D2").values = [["12.5", "50%", "'001", null]];
      await ctx.sync();
    });
    expect(mem.user.value("Other", "A2")).toBe(12.5);
    expect(mem.user.value("Other", "B2")).toBe(0.5);
    expect(mem.user.numberFormat("Other", "B2")).toBe("0%");
    expect(mem.user.value("Other", "C2")).toBe("001");
    expect(mem.user.value("Other", "D2")).toBe("");
  });

  test("Excel.run syncs once at the end when work is still queued", async () => {
    const mem = MemoryExcel.fromSnapshot(sampleSnapshot());
    await run(mem, async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").getRange("A5").values = [["late"]];
    });
    expect(mem.user.value("Other", "A5")).toBe("late");
    expect(mem.syncs).toBe(1);
  });
});

describe("merged cells, fills, structure", () => {
  test("a merge keeps its value on the top-left cell only", async () => {
    const mem = MemoryExcel.fromSnapshot(sampleSnapshot());
    const values = await run(mem, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("项目表").getRange("A4:A6");
      r.load("values");
      await ctx.sync();
      return r.values;
    });
    expect(values).toEqual([["产出指标"], [""], [""]]);
  });

  test.each([
    ["A1:G6", ["项目表!A1:G1", "项目表!A4:A6"]],
    ["A5:G6", null], // A4:A6 starts above the range: Excel does not report it (office-js #3611)
    ["A4:B4", ["项目表!A4:A6"]],
  ])("getMergedAreasOrNullObject(%s) reports merges whose top-left is inside", async (addr, expected) => {
    const mem = MemoryExcel.fromSnapshot(sampleSnapshot());
    const got = await run(mem, async (ctx) => {
      const m = ctx.workbook.worksheets.getItem("项目表").getRange(addr).getMergedAreasOrNullObject();
      m.load("address");
      await ctx.sync();
      return m.isNullObject ? null : m.address.split(",");
    });
    expect(got).toEqual(expected);
  });

  test("getMergedAreasOrNullObject is ExcelApi 1.13: ApiNotFound below", async () => {
    const mem = MemoryExcel.fromSnapshot(sampleSnapshot(), { apiVersion: 12 });
    await expect(
      run(mem, async (ctx) => {
        ctx.workbook.worksheets.getItem("项目表").getRange("A1").getMergedAreasOrNullObject();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("fill colour reads #FFFFFF for No Fill; getCellProperties tells the pattern", async () => {
    const mem = MemoryExcel.fromSnapshot(sampleSnapshot());
    const got = await run(mem, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("项目表");
      const none = ws.getRange("C4");
      none.format.fill.load("color");
      const yellow = ws.getRange("E5");
      yellow.format.fill.load("color");
      const props = ws.getRange("C4:F6").getCellProperties({ format: { fill: { color: true, pattern: true } } });
      await ctx.sync();
      return { none: none.format.fill.color, yellow: yellow.format.fill.color, props: props.value };
    });
    expect(got.none).toBe("#FFFFFF");
    expect(got.yellow).toBe("#FFFF00");
    expect(got.props[0][0]).toEqual({ format: { fill: { color: "#FFFFFF", pattern: "None" } } });
    expect(got.props[1][2]).toEqual({ format: { fill: { color: "#FFFF00", pattern: "Solid" } } });
    expect(got.props[2][3]).toEqual({ format: { fill: { color: "#808080", pattern: "Gray50" } } });
  });

  test("inserting rows shifts cells, merges and names; new rows take the format of the row above", async () => {
    const mem = MemoryExcel.fromSnapshot(sampleSnapshot());
    await run(mem, async (ctx) => {
      ctx.workbook.names.add("Tbl_1", ctx.workbook.worksheets.getItem("项目表").getRange("A3:G6"));
      await ctx.sync();
    });
    mem.user.insertRows("项目表", 5, 2); // before row 5, i.e. inside the table and the A4:A6 merge
    expect(mem.user.value("项目表", "C7")).toBe("验收合格率");
    expect(mem.user.fill("项目表", "E7")).toBe("#FFFF00");
    expect(mem.user.merges("项目表")).toEqual(["A1:G1", "A4:A8"]);
    expect(mem.user.names().find((n) => n.name === "Tbl_1")!.ref).toBe("项目表!$A$3:$G$8");
    expect(mem.user.value("项目表", "C5")).toBe("");
    expect(mem.user.numberFormat("项目表", "D5")).toBe("General"); // row 4 above had no number format
    mem.user.deleteRows("项目表", 3, 6);
    expect(mem.user.names().find((n) => n.name === "Tbl_1")!.ref).toBe("项目表!#REF!");
  });

  test("snapshot export/import round-trips cells, merges, names, settings", () => {
    const mem = MemoryExcel.fromSnapshot(sampleSnapshot());
    mem.user.setFill("Other", "B2", "#00FF00");
    const again = mem.reopen();
    expect(again.toSnapshot()).toEqual(mem.toSnapshot());
    expect(again.user.fill("Other", "B2")).toBe("#00FF00");
  });
});

describe("change events", () => {
  async function collect(mem: MemoryExcel, scope: "all" | "sheet"): Promise<Record<string, unknown>[]> {
    const got: Record<string, unknown>[] = [];
    await run(mem, async (ctx) => {
      const h = async (a: unknown): Promise<void> => {
        const { getRange: _g, getRangeOrNullObject: _n, ...rest } = a as Record<string, unknown>;
        got.push(rest);
      };
      if (scope === "all") ctx.workbook.worksheets.onChanged.add(h);
      else ctx.workbook.worksheets.getItem("项目表").onChanged.add(h);
      await ctx.sync();
    });
    return got;
  }

  test("typing, pasting and the add-in's own writes give Excel's argument shapes (ExcelApi 1.14)", async () => {
    const mem = MemoryExcel.fromSnapshot(sampleSnapshot());
    const got = await collect(mem, "all");
    const sheetId = mem.model.sheet("项目表")!.id;
    mem.user.setCellValue("项目表", "D4", "≥6公里");
    mem.user.paste("项目表", "C5", [["a", "b"], ["c", "d"]]);
    await run(mem, async (ctx) => {
      ctx.workbook.worksheets.getItem("项目表").getRange("D6").values = [["x"]];
      await ctx.sync();
    });
    mem.user.insertRows("项目表", 2);
    await mem.flush();
    expect(got).toEqual([
      {
        type: "WorksheetChanged",
        address: "D4",
        changeType: "RangeEdited",
        source: "Local",
        worksheetId: sheetId,
        triggerSource: "Unknown",
        details: { valueBefore: "≥5公里", valueAfter: "≥6公里", valueTypeBefore: "String", valueTypeAfter: "String" },
      },
      { type: "WorksheetChanged", address: "C5:D6", changeType: "RangeEdited", source: "Local", worksheetId: sheetId, triggerSource: "Unknown" },
      {
        type: "WorksheetChanged",
        address: "D6",
        changeType: "RangeEdited",
        source: "Local",
        worksheetId: sheetId,
        triggerSource: "ThisLocalAddin",
        details: { valueBefore: "d", valueAfter: "x", valueTypeBefore: "String", valueTypeAfter: "String" },
      },
      { type: "WorksheetChanged", address: "2:2", changeType: "RowInserted", source: "Local", worksheetId: sheetId, triggerSource: "Unknown" },
    ]);
  });

  test("ExcelApi 1.7: per-sheet events without triggerSource or details; worksheets.onChanged is missing", async () => {
    const mem = MemoryExcel.fromSnapshot(sampleSnapshot(), { apiVersion: 7 });
    const got = await collect(mem, "sheet");
    mem.user.setCellValue("项目表", "D4", "1");
    mem.user.setCellValue("Other", "A1", "not this sheet");
    await mem.flush();
    expect(got).toEqual([{ type: "WorksheetChanged", address: "D4", changeType: "RangeEdited", source: "Local", worksheetId: mem.model.sheet("项目表")!.id }]);
    await expect(
      run(mem, async (ctx) => {
        ctx.workbook.worksheets.onChanged.add(async () => undefined);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("isSetSupported follows the configured ExcelApi version", () => {
    const mem = new MemoryExcel({ apiVersion: 9 });
    expect(mem.Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(mem.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(mem.Office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(false);
    expect(mem.Office.context.requirements.isSetSupported("WordApi", "1.1")).toBe(false);
  });
});
