/**
 * The contract suite's UserHands over the in-memory Excel's user (typing, paste, fill-down, sort,
 * Ctrl+Z, cell-edit mode, fills from the Home tab). Used by jest and installed by the workbench as
 * `window.__jixiaoUserHands`, so that the pane's self-test runs the cases that need a person.
 */
import type { UserHands } from "../../excel/contract/types";
import type { MemoryExcel } from "./index";

export function memoryUserHands(mem: MemoryExcel): UserHands {
  const u = mem.user;
  return {
    type: (sheet, a1, value) => u.setCellValue(sheet, a1, value),
    copyPaste: (sheet, from, to) => u.copyPaste(sheet, from, to),
    fillDown: (sheet, range) => u.fillDown(sheet, range),
    sort: (sheet, range, by) => u.sort(sheet, range, by),
    undo: () => u.undo(),
    undoDepth: () => u.undoDepth,
    beginCellEdit: () => u.beginCellEdit(),
    endCellEdit: () => u.endCellEdit(),
    setFill: (sheet, a1, fill) =>
      fill
        ? u.setFillPattern(sheet, a1, { color: fill.color, pattern: fill.pattern, patternColor: fill.patternColor ?? null, tintAndShade: fill.tintAndShade, patternTintAndShade: fill.patternTintAndShade })
        : u.setFill(sheet, a1, null),
    flush: () => mem.flush(),
  };
}
