/** The ExcelJS → CellGrid adapter: values as Office.js returns them, formats, merges, used range. */
import ExcelJS from "exceljs";
import { readXlsx, toCellValue, worksheetToGrid, dateToSerial } from "../../src/xlsx/grid";

async function roundTrip(build: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const buf = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return readXlsx(buf);
}

describe("worksheetToGrid after a write/read round trip", () => {
  let grid: ReturnType<typeof worksheetToGrid>;
  beforeAll(async () => {
    const { grids } = await roundTrip((wb) => {
      const ws = wb.addWorksheet("数据");
      ws.getCell("C3").value = "左上";
      ws.getCell("D3").value = { richText: [{ text: "富" }, { font: { bold: true }, text: "文本" }] };
      ws.getCell("E3").value = { formula: "1+1", result: 2 };
      ws.getCell("F3").value = { formula: "A1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
      ws.getCell("G3").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
      ws.getCell("C4").value = new Date(Date.UTC(2022, 11, 31));
      ws.getCell("C4").numFmt = "yyyy-mm-dd";
      ws.getCell("D4").value = true;
      ws.getCell("E4").value = { text: "链接", hyperlink: "https://example.com" };
      ws.getCell("F4").value = 0.5;
      ws.getCell("F4").numFmt = "0%";
      ws.getCell("G4").value = 200000;
      ws.getCell("G4").numFmt = "0.00";
      ws.getCell("C5").value = "合并";
      ws.mergeCells("C5:E6");
      ws.getCell("F5").value = { formula: "E3*2", result: 4 };
      ws.getCell("G5").value = { sharedFormula: "F5", result: 6 } as unknown as ExcelJS.CellValue;
      ws.getCell("F6").value = "";
    });
    grid = grids[0];
  });

  test("covers the used range from its first cell", () => {
    expect(grid.sheet).toBe("数据");
    expect([grid.firstRow, grid.firstCol, grid.lastRow, grid.lastCol]).toEqual([2, 2, 5, 6]);
  });

  test.each<[string, number, number, string | number | boolean | null]>([
    ["plain text", 2, 2, "左上"],
    ["rich text → plain", 2, 3, "富文本"],
    ["formula → cached result", 2, 4, 2],
    ["formula error → error text", 2, 5, "#DIV/0!"],
    ["error value → error text", 2, 6, "#REF!"],
    ["date → serial", 3, 2, 44926],
    ["boolean", 3, 3, true],
    ["hyperlink → text", 3, 4, "链接"],
    ["percent number", 3, 5, 0.5],
    ["number", 3, 6, 200000],
    ["merged block: value on its top-left cell", 4, 2, "合并"],
    ["merged tail reads empty", 4, 3, null],
    ["merged tail on the next row reads empty", 5, 4, null],
    ["formula", 4, 5, 4],
    ["empty string → empty", 5, 5, null],
  ])("%s", (_name, r, c, v) => {
    expect(grid.value(r, c)).toEqual(v);
  });

  test("number formats travel with the values", () => {
    expect(grid.format(3, 2)).toBe("yyyy-mm-dd");
    expect(grid.format(3, 5)).toBe("0%");
    expect(grid.text(3, 5)).toBe("50%");
    expect(grid.format(3, 6)).toBe("0.00");
    expect(grid.format(2, 2)).toBeNull();
  });

  test("merged areas in 0-based sheet coordinates", () => {
    expect(grid.merges).toEqual([{ top: 4, left: 2, bottom: 5, right: 4 }]);
    // The raw data holds the value only on the anchor, as Office.js does.
    const data = grid.toData();
    expect(data.values[2][0]).toBe("合并");
    expect(data.values[2][1]).toBeNull();
    expect(data.values[3][0]).toBeNull();
  });
});

describe("readXlsx", () => {
  test("one grid per worksheet in order; an empty sheet gives an empty grid", async () => {
    const { grids, workbook } = await roundTrip((wb) => {
      wb.addWorksheet("一").getCell("A1").value = 1;
      wb.addWorksheet("空");
      wb.addWorksheet("三").getCell("B2").value = "x";
    });
    expect(workbook.worksheets).toHaveLength(3);
    expect(grids.map((g) => [g.sheet, g.rowCount, g.colCount])).toEqual([
      ["一", 1, 1],
      ["空", 0, 0],
      ["三", 1, 1],
    ]);
    expect(grids[2].value(1, 1)).toBe("x");
  });

  test("rejects a file that is not xlsx", async () => {
    await expect(readXlsx(Buffer.from("not a zip file"))).rejects.toThrow();
  });
});

describe("toCellValue", () => {
  test.each<[string, ExcelJS.CellValue, number | string | boolean | null]>([
    ["null", null, null],
    ["NaN", Number.NaN, null],
    ["formula without result", { formula: "A1" } as ExcelJS.CellFormulaValue, null],
    ["formula with a date result", { formula: "TODAY()", result: new Date(Date.UTC(2022, 0, 1)) } as ExcelJS.CellFormulaValue, 44562],
    ["rich text hyperlink", { text: { richText: [{ text: "a" }, { text: "b" }] }, hyperlink: "x" } as unknown as ExcelJS.CellValue, "ab"],
  ])("%s", (_n, v, out) => {
    expect(toCellValue(v)).toEqual(out);
  });

  test("dates in the 1904 system", () => {
    expect(dateToSerial(new Date(Date.UTC(2022, 11, 31)), true)).toBe(44926 - 1462);
  });
});
