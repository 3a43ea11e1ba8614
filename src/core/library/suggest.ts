/**
 * Suggestions of standard wording for a table's indicator row, and the cell edits that replace the
 * row's 三级 / 描述 / 指标值 with a library entry (one change the caller applies — and undoes — as a
 * whole).
 *
 * The value: a row value that already parses and has the entry's kind of value (a number in the same
 * unit group, a date, a grade) is kept — the officer's own figure wins. Otherwise the entry's typical
 * value is written followed by REVIEW_MARK, "≥90%（待确认）": the value parser still reads the number,
 * the mark tells the officer the figure came from the library, and a template ("≥X公里（待确认）")
 * stays unparsed so that value-unparsed keeps asking for the real quantity.
 */
import type { CellEdit, IndicatorRow, ProjectTable } from "../model/schema";
import type { ParsedValue } from "../value/types";
import { unitGroup } from "../value/units";
import type { LibraryEntry } from "./schema";
import { search, type SearchIndex, type SearchResult } from "./search";
import { inferProjectTypes, type InferredType } from "./project-types";

export const REVIEW_MARK = "（待确认）";

export interface Suggestion extends SearchResult {
  name: string;
  /** The entry's definition, for the row's 绩效指标描述. */
  description: string;
  unit: string | null;
  typical: string;
}

export interface SuggestOptions {
  limit?: number;
  /** Project types, when the caller inferred them already (once per table). */
  types?: readonly InferredType[];
}

/** The project types of a table, from its name, 资金用途 and 绩效目标. */
export function tableProjectTypes(table: ProjectTable): InferredType[] {
  return inferProjectTypes({
    projectName: table.projectName.value,
    purpose: table.purpose.value,
    goals: table.goals.map((g) => g.text),
  });
}

/**
 * Ranked standard wordings for the row's 三级 name (its 描述 when the name is empty), favouring the
 * row's 二级 and the project's types. Empty when the row has neither name nor description.
 */
export function suggestForRow(index: SearchIndex, row: IndicatorRow, table: ProjectTable, opts: SuggestOptions = {}): Suggestion[] {
  const text = (row.name.value ?? "").trim() || (row.description.value ?? "").trim();
  if (!text) return [];
  const results = search(index, text, {
    limit: opts.limit ?? 5,
    context: {
      level1: row.level1.canonical,
      level2: row.level2.canonical,
      types: opts.types ?? tableProjectTypes(table),
    },
  });
  return results.map((r) => ({ ...r, name: r.entry.name, description: r.entry.definition, unit: r.entry.unit, typical: r.entry.typical }));
}

/** Does the written value already have the entry's kind of value (same unit group, date, grade)? */
export function valueFits(value: ParsedValue, entry: LibraryEntry): boolean {
  const form = entry.valueForm;
  if (value.kind === "empty" || value.kind === "unparsed") return false;
  if (form.kind === "date") return value.date !== null;
  if (form.kind === "qualitative") return value.kind === "qualitative";
  if (value.kind !== "quantitative" || value.number === null || value.date !== null) return false;
  if (entry.unit === null || value.unit === null) return false;
  if (value.unit === entry.unit) return true;
  const g = unitGroup(entry.unit);
  return g !== null && g !== "compound" && g === unitGroup(value.unit);
}

/** The operator, the number part and the unit of a typical value, for split-column tables. */
export function splitTypical(typical: string, unit: string | null): { op: string; value: string; unit: string } {
  const m = /^(≥|≤|=|>|<|±)?\s*(.*)$/.exec(typical.trim());
  const op = m?.[1] ?? "";
  let rest = m?.[2] ?? typical;
  let u = "";
  if (unit && rest.endsWith(unit)) {
    rest = rest.slice(0, -unit.length);
    u = unit;
  }
  return { op, value: rest, unit: u };
}

/**
 * The edits replacing the row's 三级 name, 描述 and (when it does not fit, see the module note)
 * 指标值 with the entry. Cells whose text would not change are left out; the list is one undoable
 * change. Split-column layouts get the operator and the unit in their own cells.
 */
export function replacementEdits(table: ProjectTable, row: IndicatorRow, entry: LibraryEntry): CellEdit[] {
  const edits: CellEdit[] = [];
  const set = (cell: string | null, current: string | null, value: string) => {
    if (cell && (current ?? "").trim() !== value) edits.push({ sheet: table.sheet, cell, value });
  };
  set(row.name.cell, row.name.value, entry.name);
  set(row.description.cell, row.description.value, entry.definition);
  if (entry.typical && !valueFits(row.value, entry)) {
    if (row.opCell || row.unitCell) {
      const parts = splitTypical(entry.typical, entry.unit);
      const number = row.unitCell ? parts.value : parts.value + parts.unit;
      if (row.opCell) edits.push({ sheet: table.sheet, cell: row.opCell, value: parts.op });
      if (row.value.cell) edits.push({ sheet: table.sheet, cell: row.value.cell, value: `${number}${REVIEW_MARK}` });
      if (row.unitCell) edits.push({ sheet: table.sheet, cell: row.unitCell, value: parts.unit || entry.unit || "" });
    } else set(row.value.cell, row.value.raw, `${entry.typical}${REVIEW_MARK}`);
  }
  return edits;
}
