/**
 * The entry of lib/jixiao-sheetjs.js: SheetJS (its ES module build) on its own, loaded by the check
 * worker only for the formats it reads with SheetJS (read/workbook.ts sheetJs()).
 */
export * from "@e965/xlsx";
