/**
 * The workbench's editable grid over the in-memory Excel: one sheet at a time, column letters and
 * row numbers, merged areas drawn merged, fills, fonts and number formats, a selection that is
 * Excel's selection (the add-in's range.select() moves it; a click here sets it), a cell editor
 * that commits through the in-memory Excel's user API (so Excel's change events fire), Delete,
 * arrow keys, Ctrl+C / Ctrl+V of tab-separated text (a pasted block is one multi-cell change).
 *
 * A sheet of up to 400 rows is rendered whole; a longer one only around the viewport (fixed row
 * height), so a 5,000-row sheet stays responsive.
 *
 * Contract for tests and tools: every cell element has data-address="F11" and data-fill="#RRGGBB"
 * ("" without a fill); cells in the selection have aria-selected="true"; the grid has data-sheet.
 * On a sheet longer than 400 rows, a cell far from the viewport is not in the DOM until it is
 * scrolled to or selected (selecting scrolls it into view).
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type ReactElement,
} from "react";
import { LAST_COL, LAST_ROW, boxToA1, colToLetters, toA1, type RangeBox } from "../core/grid/a1";
import type { MemoryExcel } from "./memory-excel";
import type { SheetModel } from "./memory-excel/model";
import { DEFAULT_COL_WIDTH, type SheetView } from "./convert";
import { formatValue, isPercentFormat } from "./numfmt";
import { parseTsv, toTsv } from "./tsv";

export const ROW_HEIGHT = 24;
export const HEADER_HEIGHT = 24;
export const ROW_HEADER_WIDTH = 48;
const OVERSCAN = 10;
/** Sheets with more rows than this render only the rows near the viewport. */
export const VIRTUALIZE_ABOVE_ROWS = 400;

export interface Pos {
  row: number;
  col: number;
}

type Editing = { text: string; mode: "enter" | "edit"; row: number; col: number };

export interface GridProps {
  excel: MemoryExcel;
  sheet: SheetModel;
  view: SheetView | undefined;
  /** Bumped whenever the model changed (values, formats, selection …). */
  version: number;
  /** Reports a user action that Excel refused (protected sheet, merge conflict …). */
  onError(message: string): void;
}

const keyOf = (b: RangeBox) => `${b.top},${b.left},${b.bottom},${b.right}`;

function clampBox(b: RangeBox): RangeBox {
  return {
    top: Math.max(0, Math.min(b.top, b.bottom)),
    left: Math.max(0, Math.min(b.left, b.right)),
    bottom: Math.min(LAST_ROW, Math.max(b.top, b.bottom)),
    right: Math.min(LAST_COL, Math.max(b.left, b.right)),
  };
}

/** Grows a box until no merged area sticks out of it (Excel always selects whole merged areas). */
export function expandToMerges(box: RangeBox, merges: readonly RangeBox[]): RangeBox {
  let b = { ...box };
  for (let changed = true; changed; ) {
    changed = false;
    for (const m of merges) {
      const hit = m.left <= b.right && b.left <= m.right && m.top <= b.bottom && b.top <= m.bottom;
      if (!hit) continue;
      const nb = { top: Math.min(b.top, m.top), left: Math.min(b.left, m.left), bottom: Math.max(b.bottom, m.bottom), right: Math.max(b.right, m.right) };
      if (keyOf(nb) !== keyOf(b)) {
        b = nb;
        changed = true;
      }
    }
  }
  return b;
}

function errorText(e: unknown): string {
  const code = (e as { code?: string })?.code;
  if (code === "AccessDenied") return "工作表受保护，不能修改。/ The sheet is protected.";
  if (code === "InvalidOperation") return "不能更改合并单元格的一部分。/ Cannot change part of a merged cell.";
  return `操作失败 / Failed: ${(e as Error)?.message ?? String(e)}`;
}

export function Grid({ excel, sheet, view, version, onError }: GridProps) {
  const model = excel.model;
  const scrollRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<HTMLInputElement>(null);
  const [scroll, setScroll] = useState({ top: 0, left: 0, height: 600, width: 800 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const ownSelection = useRef<{ key: string; active: Pos; anchor: Pos } | null>(null);
  const dragging = useRef(false);

  // --- selection (Excel's own selection is the source of truth) --------------------------------
  // Read live at render AND in every handler: keys can arrive before the next frame re-renders.
  const readSel = (): { selBox: RangeBox; active: Pos; anchor: Pos } => {
    const modelSel = model.selection && model.selection.sheetId === sheet.id ? model.selection.box : null;
    const box: RangeBox = modelSel ?? { top: 0, left: 0, bottom: 0, right: 0 };
    const own = ownSelection.current && ownSelection.current.key === keyOf(box) ? ownSelection.current : null;
    const act: Pos = own ? own.active : { row: box.top, col: box.left };
    return { selBox: box, active: act, anchor: own ? own.anchor : act };
  };
  const { selBox, active } = readSel();

  const mergeAt = useCallback((r: number, c: number) => model.mergeAt(sheet, r, c), [model, sheet]);
  const masterOf = useCallback(
    (p: Pos): Pos => {
      const m = mergeAt(p.row, p.col);
      return m ? { row: m.top, col: m.left } : p;
    },
    [mergeAt],
  );

  const colWidth = useCallback((c: number) => view?.colWidths[c] ?? DEFAULT_COL_WIDTH, [view]);

  // --- extent -----------------------------------------------------------------------------------
  const used = model.usedBox(sheet);
  const selBottom = selBox.bottom === LAST_ROW ? selBox.top : selBox.bottom;
  const selRight = selBox.right === LAST_COL ? selBox.left : selBox.right;
  const nRows = Math.max(60, (used ? used.bottom + 1 : 0) + 30, selBottom + 20);
  const nCols = Math.max(14, (used ? used.right + 1 : 0) + 4, selRight + 3);
  const colLeft = useMemo(() => {
    const xs = [0];
    for (let c = 0; c < nCols; c++) xs.push(xs[c] + colWidth(c));
    return xs;
  }, [nCols, colWidth]);
  const totalWidth = colLeft[nCols];

  // Small sheets are rendered whole (every cell is in the DOM for tests and tools); larger ones only
  // around the viewport.
  const virtual = nRows > VIRTUALIZE_ABOVE_ROWS;
  const firstRow = virtual ? Math.max(0, Math.floor(scroll.top / ROW_HEIGHT) - OVERSCAN) : 0;
  const lastRow = virtual ? Math.min(nRows - 1, Math.ceil((scroll.top + scroll.height) / ROW_HEIGHT) + OVERSCAN) : nRows - 1;

  // --- selection changes ------------------------------------------------------------------------
  const select = useCallback(
    (newAnchor: Pos, newActive: Pos, extendTo?: Pos) => {
      const target = extendTo ?? newActive;
      let box = clampBox({ top: newAnchor.row, left: newAnchor.col, bottom: target.row, right: target.col });
      box = expandToMerges(box, sheet.merges);
      ownSelection.current = { key: keyOf(box), active: masterOf(newActive), anchor: newAnchor };
      try {
        excel.user.select(sheet.name, boxToA1(box));
      } catch (e) {
        onError(errorText(e));
      }
    },
    [excel, sheet, masterOf, onError],
  );

  const focusEditor = () => editorRef.current?.focus({ preventScroll: true });

  const move = (dr: number, dc: number, extend: boolean) => {
    const { selBox, active, anchor } = readSel();
    if (extend) {
      // Shift+arrow moves the far corner of the selection, keeping the anchor.
      const far: Pos = {
        row: dr === 0 ? (anchor.row === selBox.top ? selBox.bottom : selBox.top) : (anchor.row === selBox.top ? selBox.bottom : selBox.top) + dr,
        col: dc === 0 ? (anchor.col === selBox.left ? selBox.right : selBox.left) : (anchor.col === selBox.left ? selBox.right : selBox.left) + dc,
      };
      select(anchor, active, { row: Math.max(0, far.row), col: Math.max(0, far.col) });
      return;
    }
    // Moving out of a merged area starts from its far edge.
    const m = mergeAt(active.row, active.col);
    let row = active.row + dr;
    let col = active.col + dc;
    if (m) {
      if (dr > 0) row = m.bottom + 1;
      if (dc > 0) col = m.right + 1;
    }
    const p = masterOf({ row: Math.max(0, row), col: Math.max(0, col) });
    select(p, p);
  };

  /** Enter/Tab inside a multi-cell selection cycle through it, as in Excel. */
  const moveWithin = (dr: number, dc: number) => {
    const { selBox, active, anchor } = readSel();
    const single = selBox.top === selBox.bottom && selBox.left === selBox.right;
    const merged = mergeAt(active.row, active.col);
    const isOneArea = merged && keyOf(merged) === keyOf(selBox);
    if (single || isOneArea) return move(dr, dc, false);
    let { row, col } = active;
    if (dr !== 0) {
      row += dr;
      if (row > selBox.bottom) {
        row = selBox.top;
        col = col + 1 > selBox.right ? selBox.left : col + 1;
      } else if (row < selBox.top) row = selBox.bottom;
    } else {
      col += dc;
      if (col > selBox.right) {
        col = selBox.left;
        row = row + 1 > selBox.bottom ? selBox.top : row + 1;
      } else if (col < selBox.left) col = selBox.right;
    }
    ownSelection.current = { key: keyOf(selBox), active: masterOf({ row, col }), anchor };
    excel.model.touched();
  };

  // --- cell contents ----------------------------------------------------------------------------
  const editText = (p: Pos): string => {
    const v = model.formulaAt(sheet, p.row, p.col);
    if (typeof v === "number" && isPercentFormat(model.numberFormatAt(sheet, p.row, p.col))) {
      return `${Number((v * 100).toPrecision(12))}%`;
    }
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    return String(v ?? "");
  };

  const commit = (e: Editing, refocus = true): boolean => {
    try {
      excel.user.setCellValue(sheet.name, toA1(e.row, e.col), e.text);
      return true;
    } catch (err) {
      onError(errorText(err));
      return false;
    } finally {
      setEditing(null);
      if (refocus) focusEditor();
    }
  };

  const startEdit = (mode: Editing["mode"], text?: string) => {
    const { active } = readSel();
    if (sheet.protected) {
      onError(errorText({ code: "AccessDenied" }));
      return;
    }
    const p = masterOf(active);
    setEditing({ mode, row: p.row, col: p.col, text: text ?? editText(p) });
    requestAnimationFrame(() => {
      const el = editorRef.current;
      if (el) {
        el.focus({ preventScroll: true });
        el.setSelectionRange(el.value.length, el.value.length);
      }
    });
  };

  const clearSelection = () => {
    const { selBox } = readSel();
    try {
      excel.user.clear(sheet.name, boxToA1(selBox));
    } catch (e) {
      onError(errorText(e));
    }
  };

  // --- keyboard -----------------------------------------------------------------------------------
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const { active } = readSel();
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    const arrows: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (editing) {
      if (e.key === "Enter" && !e.altKey) {
        e.preventDefault();
        if (commit(editing)) moveWithin(e.shiftKey ? -1 : 1, 0);
      } else if (e.key === "Tab") {
        e.preventDefault();
        if (commit(editing)) moveWithin(0, e.shiftKey ? -1 : 1);
      } else if (e.key === "Escape") {
        e.preventDefault();
        setEditing(null);
      } else if (arrows[e.key] && editing.mode === "enter") {
        e.preventDefault();
        if (commit(editing)) move(arrows[e.key][0], arrows[e.key][1], false);
      }
      return;
    }
    if (arrows[e.key]) {
      e.preventDefault();
      move(arrows[e.key][0], arrows[e.key][1], e.shiftKey);
    } else if (e.key === "Enter") {
      e.preventDefault();
      moveWithin(e.shiftKey ? -1 : 1, 0);
    } else if (e.key === "Tab") {
      e.preventDefault();
      moveWithin(0, e.shiftKey ? -1 : 1);
    } else if (e.key === "Delete") {
      e.preventDefault();
      clearSelection();
    } else if (e.key === "Backspace") {
      e.preventDefault();
      startEdit("enter", "");
    } else if (e.key === "F2") {
      e.preventDefault();
      startEdit("edit");
    } else if (e.key === "Home" && !e.ctrlKey) {
      e.preventDefault();
      select({ row: active.row, col: 0 }, { row: active.row, col: 0 });
    } else if (e.key === "Home" && e.ctrlKey) {
      e.preventDefault();
      select({ row: 0, col: 0 }, { row: 0, col: 0 });
    } else if (e.key === "PageDown" || e.key === "PageUp") {
      e.preventDefault();
      const page = Math.max(1, Math.floor(scroll.height / ROW_HEIGHT) - 1);
      move(e.key === "PageDown" ? page : -page, 0, e.shiftKey);
    }
    // Printable keys fall through to the input: its `input` event starts editing (IME included).
  };

  const onChange = (text: string) => {
    const { active } = readSel();
    if (editing) {
      setEditing({ ...editing, text });
      return;
    }
    if (text === "") return;
    if (sheet.protected) {
      onError(errorText({ code: "AccessDenied" }));
      return;
    }
    const p = masterOf(active);
    setEditing({ mode: "enter", row: p.row, col: p.col, text });
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const { active } = readSel();
    if (editing) return; // pasting text into the cell being edited
    e.preventDefault();
    const text = e.clipboardData.getData("text/plain");
    if (!text) return;
    const rows = parseTsv(text);
    if (rows.length === 0 || rows[0].length === 0) return;
    const top = active.row;
    const left = active.col;
    try {
      excel.user.paste(sheet.name, toA1(top, left), rows);
      const end = { row: top + rows.length - 1, col: left + rows[0].length - 1 };
      select({ row: top, col: left }, { row: top, col: left }, end);
    } catch (err) {
      onError(errorText(err));
    }
  };

  const onCopy = (e: ClipboardEvent<HTMLInputElement>) => {
    const { selBox } = readSel();
    if (editing) return;
    e.preventDefault();
    const b = { ...selBox, bottom: Math.min(selBox.bottom, used?.bottom ?? selBox.top), right: Math.min(selBox.right, used?.right ?? selBox.left) };
    const rows: string[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: string[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(formatValue(model.valueAt(sheet, r, c), model.numberFormatAt(sheet, r, c)));
      rows.push(row);
    }
    e.clipboardData.setData("text/plain", toTsv(rows));
  };

  // --- mouse ----------------------------------------------------------------------------------------
  const cellFromEvent = (e: ReactMouseEvent): Pos | null => {
    const td = (e.target as HTMLElement).closest("[data-row]") as HTMLElement | null;
    if (!td) return null;
    return { row: Number(td.dataset.row), col: Number(td.dataset.col) };
  };

  const onMouseDown = (e: ReactMouseEvent) => {
    const { active, anchor } = readSel();
    if (e.button !== 0) return;
    const target = e.target as HTMLElement;
    if (target === editorRef.current) return;
    const rowHead = target.closest("[data-rowhead]") as HTMLElement | null;
    const colHead = target.closest("[data-colhead]") as HTMLElement | null;
    if (editing && !commit(editing)) return;
    e.preventDefault();
    if (rowHead) {
      const r = Number(rowHead.dataset.rowhead);
      const from = e.shiftKey ? anchor.row : r;
      ownSelection.current = null;
      excel.user.select(sheet.name, boxToA1({ top: Math.min(from, r), bottom: Math.max(from, r), left: 0, right: LAST_COL }));
      focusEditor();
      return;
    }
    if (colHead) {
      const c = Number(colHead.dataset.colhead);
      const from = e.shiftKey ? anchor.col : c;
      ownSelection.current = null;
      excel.user.select(sheet.name, boxToA1({ top: 0, bottom: LAST_ROW, left: Math.min(from, c), right: Math.max(from, c) }));
      focusEditor();
      return;
    }
    const p = cellFromEvent(e);
    if (!p) return;
    if (e.shiftKey) select(anchor, active, p);
    else select(p, p);
    dragging.current = true;
    focusEditor();
  };

  const onMouseOver = (e: ReactMouseEvent) => {
    const { active, anchor } = readSel();
    if (!dragging.current || (e.buttons & 1) === 0) return;
    const p = cellFromEvent(e);
    if (p) select(anchor, active, p);
  };

  useEffect(() => {
    const up = () => {
      dragging.current = false;
    };
    window.addEventListener("mouseup", up);
    return () => window.removeEventListener("mouseup", up);
  }, []);

  const onDoubleClick = (e: ReactMouseEvent) => {
    const p = cellFromEvent(e);
    if (!p) return;
    startEdit("edit");
  };

  // --- scrolling --------------------------------------------------------------------------------------
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const update = () => setScroll({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight, width: el.clientWidth });
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Keep the active cell in view whenever the selection moves (also when the add-in selects).
  const selKey = `${sheet.id}|${keyOf(selBox)}|${active.row},${active.col}`;
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const m = mergeAt(active.row, active.col);
    const top = HEADER_HEIGHT + (m ? m.top : active.row) * ROW_HEIGHT;
    const bottom = HEADER_HEIGHT + ((m ? m.bottom : active.row) + 1) * ROW_HEIGHT;
    const left = ROW_HEADER_WIDTH + colLeft[Math.min(active.col, nCols)];
    const right = ROW_HEADER_WIDTH + colLeft[Math.min((m ? m.right : active.col) + 1, nCols)];
    if (top - HEADER_HEIGHT < el.scrollTop) el.scrollTop = top - HEADER_HEIGHT;
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
    if (left - ROW_HEADER_WIDTH < el.scrollLeft) el.scrollLeft = left - ROW_HEADER_WIDTH;
    else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = Math.max(0, right - el.clientWidth);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selKey]);

  // A different sheet or an outside change of the edited cell ends the edit.
  useEffect(() => setEditing(null), [sheet.id]);

  // --- render -------------------------------------------------------------------------------------------
  const inSel = (r: number, c: number) => r >= selBox.top && r <= selBox.bottom && c >= selBox.left && c <= selBox.right;
  const activeMaster = masterOf(active);

  const rows: ReactElement[] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const cells: ReactElement[] = [];
    for (let c = 0; c < nCols; c++) {
      const m = mergeAt(r, c);
      let rowSpan = 1;
      let colSpan = 1;
      let mr = r;
      let mc = c;
      if (m) {
        const shownTop = Math.max(m.top, firstRow);
        if (r !== shownTop || c !== m.left) continue; // covered by the merged area
        rowSpan = Math.min(m.bottom, lastRow) - shownTop + 1;
        colSpan = Math.min(m.right, nCols - 1) - m.left + 1;
        mr = m.top;
        mc = m.left;
      }
      const value = model.valueAt(sheet, mr, mc);
      const nf = model.numberFormatAt(sheet, mr, mc);
      const fill = model.fillAt(sheet, mr, mc);
      const font = model.cell(sheet, mr, mc)?.font;
      const text = formatValue(value, nf);
      const selected = m ? inSel(m.top, m.left) : inSel(r, c);
      const isActive = activeMaster.row === mr && activeMaster.col === mc;
      const classes = ["wb-cell"];
      if (typeof value === "number") classes.push("wb-num");
      else if (typeof value === "boolean") classes.push("wb-bool");
      if (selected) classes.push("wb-sel");
      if (isActive) classes.push("wb-active");
      const address = toA1(mr, mc);
      cells.push(
        <td
          key={c}
          role="gridcell"
          className={classes.join(" ")}
          rowSpan={rowSpan > 1 ? rowSpan : undefined}
          colSpan={colSpan > 1 ? colSpan : undefined}
          data-address={address}
          data-row={mr}
          data-col={mc}
          data-fill={fill.color ?? ""}
          data-merged={m ? boxToA1(m) : undefined}
          aria-selected={selected ? "true" : "false"}
          title={text.length > 12 ? text : undefined}
          style={{
            backgroundColor: fill.color ?? undefined,
            color: font?.color,
            fontWeight: font?.bold ? 600 : undefined,
          }}
        >
          <div className={rowSpan > 1 ? "wb-text wb-wrap" : "wb-text"} style={{ height: rowSpan * ROW_HEIGHT - 1 }}>
            {text}
          </div>
        </td>,
      );
    }
    rows.push(
      <tr key={r} role="row" aria-rowindex={r + 1} style={{ height: ROW_HEIGHT }}>
        <th
          role="rowheader"
          className={r >= selBox.top && r <= selBox.bottom ? "wb-rowhead wb-head-sel" : "wb-rowhead"}
          data-rowhead={r}
        >
          {r + 1}
        </th>
        {cells}
      </tr>,
    );
  }

  // Editor position: over the active cell (or its merged area).
  const em = mergeAt(activeMaster.row, activeMaster.col);
  const edBox = em ?? { top: activeMaster.row, left: activeMaster.col, bottom: activeMaster.row, right: activeMaster.col };
  const edStyle = {
    top: HEADER_HEIGHT + edBox.top * ROW_HEIGHT,
    left: ROW_HEADER_WIDTH + colLeft[Math.min(edBox.left, nCols)],
    width: Math.max(colLeft[Math.min(edBox.right + 1, nCols)] - colLeft[Math.min(edBox.left, nCols)], 40),
    height: (edBox.bottom - edBox.top + 1) * ROW_HEIGHT,
  };

  return (
    <div
      className="wb-scroll"
      ref={scrollRef}
      onScroll={(e) => {
        const el = e.currentTarget;
        setScroll({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight, width: el.clientWidth });
      }}
      onMouseDown={onMouseDown}
      onMouseOver={onMouseOver}
      onDoubleClick={onDoubleClick}
    >
      <table
        className="wb-grid"
        role="grid"
        aria-label={`工作表 ${sheet.name}`}
        aria-rowcount={nRows}
        aria-colcount={nCols}
        data-sheet={sheet.name}
        data-version={version}
        style={{ width: ROW_HEADER_WIDTH + totalWidth }}
      >
        <colgroup>
          <col style={{ width: ROW_HEADER_WIDTH }} />
          {Array.from({ length: nCols }, (_, c) => (
            <col key={c} style={{ width: colWidth(c) }} />
          ))}
        </colgroup>
        <thead>
          <tr style={{ height: HEADER_HEIGHT }}>
            <th className="wb-corner" aria-label="全选" />
            {Array.from({ length: nCols }, (_, c) => (
              <th
                key={c}
                role="columnheader"
                className={c >= selBox.left && c <= selBox.right ? "wb-colhead wb-head-sel" : "wb-colhead"}
                data-colhead={c}
              >
                {colToLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {firstRow > 0 && <tr aria-hidden="true" style={{ height: firstRow * ROW_HEIGHT }} />}
          {rows}
          {lastRow < nRows - 1 && <tr aria-hidden="true" style={{ height: (nRows - 1 - lastRow) * ROW_HEIGHT }} />}
        </tbody>
      </table>
      <input
        ref={editorRef}
        className={editing ? "wb-editor wb-editing" : "wb-editor"}
        data-testid="cell-editor"
        aria-label={`编辑单元格 ${toA1(activeMaster.row, activeMaster.col)} / Edit cell`}
        autoComplete="off"
        spellCheck={false}
        value={editing ? editing.text : ""}
        style={edStyle}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onCopy={onCopy}
        onBlur={() => {
          // Clicking elsewhere (e.g. into the task pane) commits like Excel does.
          if (editing) commit(editing, false);
        }}
      />
    </div>
  );
}
