/**
 * The workbench's pure parts, in node (no browser needed): number-format display, clipboard TSV,
 * .xlsx colours, and the ExcelJS → in-memory Excel converter used for the sample and opened files.
 */
import ExcelJS from "exceljs";
import { formatGeneral, formatValue, isPercentFormat, splitSections } from "../../src/workbench/numfmt";
import { parseTsv, toTsv } from "../../src/workbench/tsv";
import { applyTint, xlsxColorToHex } from "../../src/workbench/colors";
import { convertFill, openBook, widthToPx, workbookFromExcelJS, workbookFromXlsx } from "../../src/workbench/convert";
import { expandToMerges } from "../../src/workbench/grid";
import { buildSeedWorkbook } from "../../src/sample/workbooks";
import { SEED_TABLES } from "../../src/sample/seed-data";
import { readXlsx } from "../../src/xlsx/grid";
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import { findBrowser, browserCandidates } from "./harness";

describe("formatValue: Excel's display of a value under a number format", () => {
  test.each([
    [0.5, "0%", "50%"],
    [0.125, "0.00%", "12.50%"],
    [1, "0%", "100%"],
    [1234.5, "#,##0.00", "1,234.50"],
    [1234567.891, "#,##0", "1,234,568"],
    [-1234.5, "#,##0.00", "-1,234.50"],
    [-1234.5, "#,##0.00_);[Red]\\(#,##0.00\\)", "(1,234.50)"],
    [1234.5, "#,##0.00_);[Red]\\(#,##0.00\\)", "1,234.50 "],
    [0, "0.00;-0.00;\"-\"", "-"],
    [200000, "0.00", "200000.00"],
    [3.14159, "0.0", "3.1"],
    [2.5, "0", "3"],
    [0.5, "#.00", ".50"],
    [5, "0.0#", "5.0"],
    [5.25, "0.0#", "5.25"],
    [12.5, "0.00\"万元\"", "12.50万元"],
    [1234, "[$¥-804]#,##0.00", "¥1,234.00"],
    [1200000, "#,##0,", "1,200"],
    [12345, "0.00E+00", "1.23E+04"],
    [44562, "yyyy-mm-dd", "2022-01-01"],
    [44562, "yyyy\"年\"m\"月\"d\"日\"", "2022年1月1日"],
    [44562, "yyyy/m/d", "2022/1/1"],
    [44562.75, "yyyy-mm-dd hh:mm", "2022-01-01 18:00"],
    [44562.75, "h:mm AM/PM", "6:00 PM"],
    [44562, "mmm d, yyyy", "Jan 1, 2022"],
    [1, "yyyy-mm-dd", "1900-01-01"],
    [0.1 + 0.2, "General", "0.3"],
    [123456789012, "General", "1.23457E+11"],
    [42, "General", "42"],
    [42, "@", "42"],
    [42, "", "42"],
  ] as [number, string, string][])("%p with %p shows %p", (v, nf, shown) => {
    expect(formatValue(v, nf)).toBe(shown);
  });

  test.each([
    ["≥95百分比", "0%", "≥95百分比"],
    ["abc", "@", "abc"],
    ["abc", "0;-0;0;\"文本：\"@", "文本：abc"],
    [true, "General", "TRUE"],
    [false, "0%", "FALSE"],
    ["", "0%", ""],
    [null, "0%", ""],
  ] as [string | boolean | null, string, string][])("%p with %p shows %p", (v, nf, shown) => {
    expect(formatValue(v, nf)).toBe(shown);
  });

  test("sections split outside quotes and brackets; percent formats are recognised", () => {
    expect(splitSections('0.00;[Red]"a;b"0;\\;')).toEqual(["0.00", '[Red]"a;b"0', "\\;"]);
    expect(isPercentFormat("0.00%")).toBe(true);
    expect(isPercentFormat('0"%"')).toBe(false);
    expect(isPercentFormat("General")).toBe(false);
    expect(formatGeneral(1e-10)).toBe("1E-10");
  });
});

describe("clipboard TSV as Excel writes it", () => {
  test.each([
    ["a\tb\r\nc\td\r\n", [["a", "b"], ["c", "d"]]],
    ["a\tb\nc", [["a", "b"], ["c", ""]]],
    ['"line1\nline2"\tx\r\n', [["line1\nline2", "x"]]],
    ['"say ""hi"""\t2', [['say "hi"', "2"]]],
    ['5" pipe\t1', [['5" pipe', "1"]]],
    ["\t\r\n", [["", ""]]],
    ["", []],
    ["≥95%", [["≥95%"]]],
  ] as [string, string[][]][])("parseTsv(%j)", (text, rows) => {
    expect(parseTsv(text)).toEqual(rows);
  });

  test("toTsv then parseTsv gives the block back", () => {
    const block = [
      ["一级指标", "二级指标", "三级指标"],
      ["产出\n指标", 'a "q"', "tab\there"],
      ["", "", "≥95%"],
    ];
    expect(parseTsv(toTsv(block))).toEqual(block);
  });
});

describe(".xlsx colours", () => {
  test.each([
    [{ argb: "FFFFC7CE" }, "#FFC7CE"],
    [{ argb: "ffc6efce" }, "#C6EFCE"],
    [{ indexed: 10 }, "#FF0000"],
    [{ indexed: 43 }, "#FFFF99"],
    [{ theme: 0 }, "#FFFFFF"],
    [{ theme: 4 }, "#4472C4"],
    [{ theme: 0, tint: -0.1499984740745262 }, "#D9D9D9"],
    [{ theme: 4, tint: 0.7999816888943144 }, "#DAE3F3"],
    [{}, null],
    [undefined, null],
  ] as [Parameters<typeof xlsxColorToHex>[0], string | null][])("%j → %p", (c, hex) => {
    expect(xlsxColorToHex(c)).toBe(hex);
  });

  test("tint 0 keeps the colour; tint ±1 gives white or black", () => {
    expect(applyTint("#4472C4", 1)).toBe("#FFFFFF");
    expect(applyTint("#4472C4", -1)).toBe("#000000");
  });

  test("fills: solid, patterned, none, gradient", () => {
    expect(convertFill({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } })).toBe("#FFFF00");
    expect(convertFill({ type: "pattern", pattern: "solid", bgColor: { indexed: 13 } })).toBe("#FFFF00");
    expect(convertFill({ type: "pattern", pattern: "lightGray", fgColor: { argb: "FF00FF00" } })).toEqual({ color: "#00FF00", pattern: "Gray25" });
    expect(convertFill({ type: "pattern", pattern: "none" })).toBeUndefined();
    expect(convertFill(undefined)).toBeUndefined();
    expect(convertFill({ type: "gradient", stops: [{ position: 0, color: { argb: "FF0000FF" } }] })).toBe("#0000FF");
  });
});

describe("ExcelJS workbook → in-memory Excel", () => {
  function richWorkbook(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("数据");
    ws.columns = [{ width: 20 }, { width: 10 }];
    ws.getCell("A1").value = "标题";
    ws.mergeCells("A1:C1");
    ws.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    ws.getCell("A1").font = { bold: true, color: { argb: "FFFF0000" } };
    ws.getCell("A2").value = 0.5;
    ws.getCell("A2").numFmt = "0%";
    ws.getCell("B2").value = { formula: "A2*2", result: 1 } as ExcelJS.CellFormulaValue;
    ws.getCell("C2").value = new Date(Date.UTC(2022, 0, 1));
    ws.getCell("A3").value = { richText: [{ text: "富" }, { text: "文本" }] };
    ws.getCell("B3").value = true;
    ws.getCell("C3").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    // A row that holds only a fill (no values).
    ws.getCell("B5").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 4, tint: 0.7999816888943144 } as Partial<ExcelJS.Color> };
    wb.addWorksheet("空表");
    return wb;
  }

  test("values, formulas, dates, rich text, errors, number formats, merges, fills, fonts, widths", async () => {
    const book = workbookFromExcelJS(richWorkbook(), "rich.xlsx");
    const excel = openBook(book);
    const u = excel.user;
    expect(u.sheetNames()).toEqual(["数据", "空表"]);
    expect(u.merges("数据")).toEqual(["A1:C1"]);
    expect(u.value("数据", "A1")).toBe("标题");
    expect(u.fill("数据", "A1")).toBe("#DDEBF7");
    expect(excel.model.cell(excel.model.requireSheet("数据"), 0, 0)?.font).toEqual({ bold: true, color: "#FF0000" });
    expect(u.value("数据", "A2")).toBe(0.5);
    expect(u.numberFormat("数据", "A2")).toBe("0%");
    expect(formatValue(u.value("数据", "A2"), u.numberFormat("数据", "A2"))).toBe("50%");
    expect(u.value("数据", "B2")).toBe(1);
    expect(excel.model.formulaAt(excel.model.requireSheet("数据"), 1, 1)).toBe("=A2*2");
    expect(u.value("数据", "C2")).toBe(44562);
    expect(formatValue(u.value("数据", "C2"), u.numberFormat("数据", "C2"))).toBe("2022-01-01");
    expect(u.value("数据", "A3")).toBe("富文本");
    expect(u.value("数据", "B3")).toBe(true);
    expect(u.value("数据", "C3")).toBe("#REF!");
    expect(u.fill("数据", "B5")).toBe("#DAE3F3");
    expect(book.views["数据"].colWidths).toEqual({ 0: widthToPx(20), 1: widthToPx(10) });
    expect(u.usedRange("空表")).toBeNull();
    expect(book.snapshot.selection).toEqual({ sheet: "数据", address: "A1" });
  });

  test("the same through .xlsx bytes (what 打开 .xlsx reads)", async () => {
    const bytes = await richWorkbook().xlsx.writeBuffer();
    const book = await workbookFromXlsx(bytes as ArrayBuffer, "rich.xlsx");
    const excel = openBook(book);
    expect(book.title).toBe("rich.xlsx");
    expect(excel.user.merges("数据")).toEqual(["A1:C1"]);
    expect(excel.user.fill("数据", "A1")).toBe("#DDEBF7");
    expect(excel.user.numberFormat("数据", "A2")).toBe("0%");
    expect(excel.user.fill("数据", "B5")).toBe("#DAE3F3");
  });

  test("the built-in sample: every cell and merge of the seed workbook, as the CLI's reader sees it", async () => {
    const wb = buildSeedWorkbook();
    const excel = openBook(workbookFromExcelJS(wb, "sample"));
    const { grids } = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    const [grid] = grids;
    const sheet = grid.sheet;
    expect(excel.user.sheetNames()).toEqual([sheet]);
    let compared = 0;
    for (let r = grid.firstRow; r <= grid.lastRow; r++)
      for (let c = grid.firstCol; c <= grid.lastCol; c++) {
        const expected = grid.isMergedTail(r, c) ? "" : (grid.value(r, c) ?? "");
        expect([r, c, excel.model.valueAt(excel.model.requireSheet(sheet), r, c)]).toEqual([r, c, expected]);
        compared++;
      }
    expect(compared).toBe(grid.rowCount * grid.colCount);
    expect(excel.user.merges(sheet).length).toBe(grid.merges.length);
    // The three seed tables' titles are where the sample puts them.
    const titles = SEED_TABLES.map((t) => t.title);
    const a = excel.model.requireSheet(sheet);
    const found = [...Array(grid.lastRow + 1).keys()].map((r) => excel.model.valueAt(a, r, 0)).filter((v) => titles.includes(String(v)));
    expect(found).toEqual(titles);
  });

  test("the adapter reads the converted sample like any workbook (one sync per block)", async () => {
    const excel = openBook(workbookFromExcelJS(buildSeedWorkbook(), "sample"));
    const port = new OfficeWorkbook(excel.host());
    excel.resetSyncs();
    const grid = await port.readBlock("项目绩效目标表", "A10:G11");
    expect(excel.syncs).toBe(1);
    expect(grid.value(10, 5)).toBe(excel.user.value("项目绩效目标表", "F11"));
  });

  test("selection grows to whole merged areas", () => {
    const merges = [
      { top: 0, left: 0, bottom: 0, right: 6 },
      { top: 3, left: 0, bottom: 4, right: 0 },
      { top: 4, left: 0, bottom: 6, right: 1 },
    ];
    expect(expandToMerges({ top: 0, left: 2, bottom: 0, right: 2 }, merges)).toEqual({ top: 0, left: 0, bottom: 0, right: 6 });
    expect(expandToMerges({ top: 3, left: 0, bottom: 3, right: 0 }, [merges[1], { top: 4, left: 0, bottom: 6, right: 1 }])).toEqual({
      top: 3,
      left: 0,
      bottom: 6,
      right: 1,
    });
    expect(expandToMerges({ top: 9, left: 9, bottom: 9, right: 9 }, merges)).toEqual({ top: 9, left: 9, bottom: 9, right: 9 });
  });
});

describe("browser discovery", () => {
  test("CHROME_PATH wins and must exist; otherwise the usual paths in order", () => {
    const has = (set: string[]) => (p: string) => set.includes(p);
    expect(findBrowser({ CHROME_PATH: "/opt/my/chrome" }, has(["/opt/my/chrome", "/usr/bin/chromium"]))).toBe("/opt/my/chrome");
    expect(findBrowser({ CHROME_PATH: "/nope" }, has(["/usr/bin/chromium"]))).toBeNull();
    expect(findBrowser({}, has(["/usr/bin/google-chrome", "/usr/bin/chromium-browser"]), "linux")).toBe("/usr/bin/chromium-browser");
    expect(findBrowser({}, has([]), "linux")).toBeNull();
    expect(browserCandidates({}, "linux").slice(0, 2)).toEqual(["/usr/bin/chromium", "/usr/bin/chromium-browser"]);
    expect(browserCandidates({ PROGRAMFILES: "C:\\Program Files" }, "win32").some((p) => p.endsWith("chrome.exe"))).toBe(true);
  });
});
