export * from "./port";
export { OfficeWorkbook, detectCapabilities, MARK_NAME_PREFIX, TABLE_NAME_PREFIX, MAPPINGS_SETTING } from "./office-workbook";
export type { ExcelLike, OfficeLike, OfficeWorkbookOptions } from "./office-workbook";
export { WorkbookError, ProtectedSheetError, SheetNotFoundError, BROKEN_MAPPING_TEXT } from "./errors";
export { createDirtyCollector } from "./dirty";
export type { DirtyCollector } from "./dirty";
