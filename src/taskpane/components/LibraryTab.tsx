/**
 * 指标库: with a table chosen and nothing typed, the entries that fit it come first (its inferred
 * project type with the reason, and a group per category it lacks or fills only with process
 * indicators, each headed by its reason); search the library (instant, pinyin too), filter by
 * 一级/二级/project type, see an entry's details (its source in words; the address only for a
 * government site), insert entries into the table (each at the end of its category block; the new
 * row's 指标值 cell is then selected and the pane says what to enter) and replace the selected
 * indicator row with a standard wording (suggestions ranked with reasons). Custom libraries: import
 * from a .csv/.json file or the selected block, saved with the workbook; export CSV.
 *
 * Loaded lazily (React.lazy): this module is the only one of the pane that imports the library
 * barrel (pinyin-pro included), so none of it is in the pane's initial bundle.
 */
import { Badge, Body1Strong, Button, Caption1, Field, Input, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import { useEffect, useMemo, useState, type ChangeEvent } from "react";
import { FORMS } from "../../core/forms/categories";
import {
  BUILTIN_ENTRIES,
  PROJECT_TYPES,
  contextGroupText,
  contextTypeText,
  createSearchIndex,
  mergeLibraries,
  parseCsv,
  provenanceView,
  reasonText,
  search,
  suggestForRow,
  tableContext,
  type LibraryEntry,
  type SearchIndex,
  type Suggestion,
} from "../../core/library";
import type { LibraryImportOutcome, PaneController, PaneState } from "../controller";
import { useLocale, useT } from "../i18n";
import { usePaneStyles } from "./styles";

const LEVEL1S = ["产出指标", "成本指标", "效益指标", "满意度指标"];

function level2Choices(level1: string): string[] {
  const out: string[] = [];
  for (const form of ["88", "101"] as const)
    for (const [l1, l2s] of Object.entries(FORMS[form])) if (!level1 || l1 === level1) for (const l2 of l2s) if (!out.includes(l2)) out.push(l2);
  return out;
}

/** The library index for the workbook: built-in + custom entries, rebuilt when the custom ones change. */
export function useLibraryIndex(controller: PaneController, revision: number): SearchIndex {
  return useMemo(
    () => createSearchIndex(mergeLibraries(BUILTIN_ENTRIES, controller.customLibrary())),
    // libraryRevision changes whenever the custom entries do.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [controller, revision],
  );
}

/** Parses a chosen file in the browser: CSV → rows, JSON → records (an array, or { entries: [...] }). */
export function rowsOfFile(name: string, text: string): unknown[][] | Record<string, unknown>[] | null {
  if (/\.csv$/i.test(name)) return parseCsv(text.replace(/^\uFEFF/, ""));
  if (/\.json$/i.test(name)) {
    const data = JSON.parse(text) as unknown;
    const list = Array.isArray(data) ? data : (data as { entries?: unknown })?.entries;
    if (!Array.isArray(list)) return [];
    return list.every((x) => Array.isArray(x)) ? (list as unknown[][]) : (list.filter((x) => x && typeof x === "object") as Record<string, unknown>[]);
  }
  return null;
}

export default function LibraryTab({ controller, state }: { controller: PaneController; state: PaneState }) {
  const s = usePaneStyles();
  const t = useT();
  const locale = useLocale();
  const index = useLibraryIndex(controller, controller.libraryRevision);
  const [query, setQuery] = useState("");
  const [level1, setLevel1] = useState("");
  const [level2, setLevel2] = useState("");
  const [type, setType] = useState("");
  const [selected, setSelected] = useState<string | null>(null);
  const okTables = state.tables.filter((x) => x.status === "ok");
  const [tableId, setTableId] = useState<string>("");
  const [valueMode, setValueMode] = useState<"empty" | "typical">("empty");
  const [target, setTarget] = useState<{ tableId: string; row: number; name: string; suggestions: Suggestion[] } | null>(null);
  const [report, setReport] = useState<LibraryImportOutcome | null>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);

  useEffect(() => {
    if (!okTables.some((x) => x.id === tableId)) setTableId(okTables[0]?.id ?? "");
  }, [okTables, tableId]);

  const results = useMemo(
    () => search(index, query, { level1: level1 || null, level2: level2 || null, type: type || null, limit: 30 }),
    [index, query, level1, level2, type],
  );
  const entry: LibraryEntry | undefined = selected ? index.entries.find((e) => e.id === selected) : undefined;
  const model = tableId ? controller.tableModel(tableId) : null;
  // The model changes with every re-validation (a new object): the context follows the table.
  const context = useMemo(() => (model ? tableContext(index, model) : null), [index, model]);
  const source = entry ? provenanceView(entry.provenance) : null;
  const hint = state.valueHint ?? null;

  const insert = async (e: LibraryEntry) => {
    if (!tableId) return;
    await controller.insertFromLibrary(tableId, [e.id], { value: valueMode });
  };

  const readSelection = async () => {
    const sel = await controller.selectedIndicator();
    if (!sel) {
      setTarget(null);
      return;
    }
    const model = controller.tableModel(sel.tableId);
    const row = model?.indicators.find((r) => r.row === sel.row);
    if (!model || !row) return;
    setTarget({ ...sel, name: row.name.value ?? row.description.value ?? "", suggestions: suggestForRow(index, row, model, { limit: 5 }) });
  };

  const replace = async (e: LibraryEntry) => {
    if (!target) return;
    const out = await controller.replaceWithEntry(target.tableId, target.row, e.id);
    if (out.status === "replaced") setTarget(null);
  };

  const onFile = async (ev: ChangeEvent<HTMLInputElement>) => {
    const file = ev.target.files?.[0];
    ev.target.value = "";
    if (!file) return;
    setFileNote(null);
    if (/\.xlsx?$/i.test(file.name)) {
      setFileNote(t("library.xlsxInPane"));
      return;
    }
    const text = await file.text();
    let rows: ReturnType<typeof rowsOfFile>;
    try {
      rows = rowsOfFile(file.name, text);
    } catch (err) {
      setFileNote(String(err instanceof Error ? err.message : err));
      return;
    }
    if (!rows) {
      setFileNote(t("library.xlsxInPane"));
      return;
    }
    setReport(await controller.importLibrary(rows, {}, { source: file.name }));
  };

  const exportCsv = async () => {
    const csv = await controller.exportLibraryCsv();
    const blob = new Blob(["\uFEFF", csv], { type: "text/csv;charset=utf-8" });
    if (typeof URL.createObjectURL !== "function") return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = "指标库.csv";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  // What to enter in the new row's value cell: beside the insert button, or on top without a detail.
  const hintBar = hint && (
    <MessageBar intent="info" layout="multiline" data-testid="library-value-hint" data-cell={`${hint.sheet}!${hint.cell}`}>
      <MessageBarBody>{t("library.valueHint", { cell: hint.cell, name: hint.name, typical: hint.typical || "—", unit: hint.unit ?? t("library.noUnit") })}</MessageBarBody>
    </MessageBar>
  );
  const level = source ? t(`library.sourceLevel.${source.kind}`) : "";

  const entryItem = (e: LibraryEntry, note: string) => (
    <li
      key={e.id}
      data-entry={e.id}
      className={s.issue}
      tabIndex={0}
      aria-selected={e.id === selected}
      onClick={() => setSelected(e.id)}
      onKeyDown={(ev) => (ev.key === "Enter" || ev.key === " ") && setSelected(e.id)}
    >
      <Body1Strong>{e.name}</Body1Strong>
      <Caption1 className={s.muted}>{note}</Caption1>
    </li>
  );

  return (
    <div className={s.section} data-testid="library-tab">
      {!entry && hintBar}
      {okTables.length > 0 && (
        <Field label={t("library.contextTable")}>
          <Select className={s.select} aria-label={t("library.table")} value={tableId} onChange={(_, d) => setTableId(d.value)} data-testid="library-table">
            {okTables.map((x) => (
              <option key={x.id} value={x.id}>
                {`${x.projectName ?? x.range} (${x.sheet}!${x.range})`}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={t("library.search")}>
        <Input value={query} onChange={(_, d) => setQuery(d.value)} data-testid="library-search" aria-label={t("library.search")} />
      </Field>
      <div className={s.row}>
        <Select className={s.select} aria-label={t("library.level1")} value={level1} onChange={(_, d) => (setLevel1(d.value), setLevel2(""))} data-filter="level1">
          <option value="">{`${t("library.level1")}：${t("library.all")}`}</option>
          {LEVEL1S.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </Select>
        <Select className={s.select} aria-label={t("library.level2")} value={level2} onChange={(_, d) => setLevel2(d.value)} data-filter="level2">
          <option value="">{`${t("library.level2")}：${t("library.all")}`}</option>
          {level2Choices(level1).map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </Select>
        <Select className={s.select} aria-label={t("library.type")} value={type} onChange={(_, d) => setType(d.value)} data-filter="type">
          <option value="">{`${t("library.type")}：${t("library.all")}`}</option>
          {PROJECT_TYPES.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id}
            </option>
          ))}
        </Select>
      </div>
      {context && !query && (
        <div className={s.card} data-testid="library-context">
          <Body1Strong>{t("library.contextTitle")}</Body1Strong>
          <Caption1 data-testid="library-context-type">{contextTypeText(context, locale)}</Caption1>
          {context.groups.map((g, i) => (
            <div key={i} data-group={i} data-reason={g.reason.code}>
              <Caption1 className={s.muted} data-testid="library-group-heading">
                {contextGroupText(g, locale)}
              </Caption1>
              <ul className={s.list}>{g.entries.map((e) => entryItem(e, `${e.level1} / ${e.level2} · ${e.typical}`))}</ul>
            </div>
          ))}
        </div>
      )}
      <Caption1 className={s.muted}>{results.length ? t("library.results", { n: results.length }) : t("library.noResults")}</Caption1>
      <ul className={s.list} aria-label={t("tabs.library")} data-testid="library-results">
        {results.map((r) => entryItem(r.entry, `${r.entry.level1} / ${r.entry.level2} · ${r.entry.typical}${query ? ` · ${reasonText(r.reasons, locale)}` : ""}`))}
      </ul>
      {entry && (
        <div className={s.details} data-testid="library-detail" data-entry={entry.id}>
          <Body1Strong>{entry.name}</Body1Strong>
          <Caption1>{`${entry.level1} / ${entry.level2}`}</Caption1>
          <Caption1>{`${t("library.definition")}：${entry.definition}`}</Caption1>
          <Caption1>{`${t("library.unit")}：${entry.unit ?? t("library.noUnit")}`}</Caption1>
          <Caption1>{`${t("library.typical")}：${entry.typical}`}</Caption1>
          <Caption1>{`${t("library.direction")}：${entry.direction}`}</Caption1>
          <Caption1>{`${t("library.types")}：${entry.types.join("、")}`}</Caption1>
          {source && (
            <Caption1 data-testid="library-source" data-level={source.kind}>
              {`${t("library.provenance")}：`}
              <Badge appearance="outline">{level}</Badge>
              {/* The badge already says 转载，待核实: the label goes on with what the page is. */}
              {` ${source.label.startsWith(level) ? source.label.slice(level.length).replace(/^[：:]\s*/, "") : source.label}`}
              {source.url && (
                <>
                  {" "}
                  <a href={source.url} target="_blank" rel="noreferrer" title={t("library.sourceAddress")}>
                    {source.url}
                  </a>
                </>
              )}
            </Caption1>
          )}
          {okTables.length === 0 ? (
            <Caption1>{t("library.noTables")}</Caption1>
          ) : (
            <>
              <div className={s.row}>
                <Select className={s.select} aria-label={t("library.valueMode")} value={valueMode} onChange={(_, d) => setValueMode(d.value as "empty" | "typical")} data-testid="library-value">
                  <option value="empty">{t("library.valueEmpty")}</option>
                  <option value="typical">{t("library.valueTypical")}</option>
                </Select>
              </div>
              <Caption1 className={s.muted}>{t("library.insertHint")}</Caption1>
              <div className={s.row}>
                <Button appearance="primary" disabled={state.busy || !tableId} onClick={() => void insert(entry)} data-action="insert-entry">
                  {t("library.insert")}
                </Button>
                {target && (
                  <Button disabled={state.busy} onClick={() => void replace(entry)} data-action="replace-row" data-entry={entry.id}>
                    {t("library.replace")}
                  </Button>
                )}
              </div>
              {hintBar}
            </>
          )}
        </div>
      )}
      <div className={s.card} data-testid="library-replace">
        <Body1Strong>{t("library.replace")}</Body1Strong>
        <Caption1 className={s.muted}>{t("library.replaceHint")}</Caption1>
        <div className={s.row}>
          <Button size="small" onClick={() => void readSelection()} data-action="read-selection">
            {t("library.readSelection")}
          </Button>
        </div>
        {target && (
          <>
            <Caption1>{t("library.suggestionsFor", { name: target.name })}</Caption1>
            {target.suggestions.length === 0 && <Caption1>{t("library.noSuggestions")}</Caption1>}
            <ul className={s.list}>
              {target.suggestions.map((sg) => (
                <li key={sg.entry.id} className={s.row} data-suggestion={sg.entry.id}>
                  <span>
                    <Body1Strong>{sg.name}</Body1Strong>
                    <Caption1 className={s.muted}>{` ${sg.typical} · ${reasonText(sg.reasons, locale)}`}</Caption1>
                  </span>
                  <Button size="small" disabled={state.busy} onClick={() => void replace(sg.entry)} data-action="replace-row" data-entry={sg.entry.id}>
                    {t("library.replace")}
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className={s.card} data-testid="library-custom">
        <Body1Strong>{t("library.custom", { n: controller.customLibrary().length })}</Body1Strong>
        <div className={s.row}>
          <label>
            <Caption1>{t("library.importFile")}</Caption1>{" "}
            <input type="file" accept=".csv,.json,.xlsx" onChange={(ev) => void onFile(ev)} data-testid="library-file" />
          </label>
        </div>
        <div className={s.row}>
          <Button size="small" disabled={state.busy} onClick={() => void controller.importLibraryFromSelection().then(setReport)} data-action="import-selection">
            {t("library.importRange")}
          </Button>
          <Button size="small" onClick={() => void exportCsv()} data-action="export-library">
            {t("library.export")}
          </Button>
          {controller.customLibrary().length > 0 && (
            <Button size="small" disabled={state.busy} onClick={() => void controller.clearCustomLibrary()} data-action="clear-custom">
              {t("library.clearCustom")}
            </Button>
          )}
        </div>
        {fileNote && (
          <MessageBar intent="warning" layout="multiline" data-testid="library-file-note">
            <MessageBarBody>{fileNote}</MessageBarBody>
          </MessageBar>
        )}
        {report && (
          <div data-testid="library-report">
            {report.error && report.error.code === "missingColumns" ? (
              <Caption1>{t("library.missingColumns", { columns: report.error.columns.join("、") })}</Caption1>
            ) : (
              <Caption1>{t("library.report", { n: report.imported, skipped: report.skipped.length })}</Caption1>
            )}
            <ul className={s.list}>
              {report.skipped.slice(0, 50).map((r) => (
                <li key={`${r.row}-${r.reason}`} data-skipped-row={r.row}>
                  <Caption1>
                    {t("library.skippedRow", { row: r.row, reason: t(`library.skipReason.${r.reason}`), detail: r.detail })}
                  </Caption1>
                </li>
              ))}
            </ul>
            {report.skipped.length > 50 && <Badge appearance="outline">{`+${report.skipped.length - 50}`}</Badge>}
          </div>
        )}
      </div>
    </div>
  );
}
