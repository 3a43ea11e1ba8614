import { Badge, Body1Strong, Button, Caption1, Spinner } from "@fluentui/react-components";
import { useState } from "react";
import type { ConvertDraft, ConvertRow, ConvertTarget, MappingDraft, PaneController, PaneState } from "../controller";
import { pick, useLocale, useT } from "../i18n";
import { ConvertPanel } from "./ConvertPanel";
import { MappingEditor } from "./MappingEditor";
import { usePaneStyles } from "./styles";
import { tableTitle } from "./table-title";

/**
 * 表格: the tables found, "detect in workbook", "map the selection", "convert to indicator table"
 * (prose → the standard table), saved and broken mappings.
 */
export function TablesTab({ controller, state }: { controller: PaneController; state: PaneState }) {
  const s = usePaneStyles();
  const t = useT();
  const locale = useLocale();
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const [conversion, setConversion] = useState<ConvertDraft | null>(null);
  // A new conversion starts a fresh preview, even of the same cells.
  const [conversionSeq, setConversionSeq] = useState(0);
  const detecting = state.phase === "detecting";

  const mapSelection = async () => {
    const d = await controller.draftFromSelection();
    if (d) setDraft(d);
  };
  const convertSelection = async () => {
    const d = await controller.draftConversion();
    if (d) {
      setDraft(null);
      setConversion(d);
      setConversionSeq((n) => n + 1);
    }
  };
  const insertConversion = async (rows: ConvertRow[], target: ConvertTarget) => {
    if (!conversion) return;
    const out = await controller.insertConversion(conversion, rows, target, t("convert.sheetName"));
    if (out.status === "inserted") setConversion(null);
  };
  const save = async (d: MappingDraft) => {
    if (await controller.saveMapping(d)) setDraft(null);
  };

  return (
    <div className={s.section} data-testid="tables-tab">
      <div className={s.row}>
        <Button appearance="primary" disabled={detecting || state.busy} onClick={() => void controller.detect()}>
          {detecting ? t("tables.detecting") : t("tables.detect")}
        </Button>
        <Button disabled={detecting || state.busy} onClick={() => void mapSelection()}>
          {t("tables.mapSelection")}
        </Button>
        <Button disabled={detecting || state.busy} onClick={() => void convertSelection()} title={t("convert.hint")}>
          {t("convert.action")}
        </Button>
        {detecting && <Spinner size="tiny" aria-label={t("tables.detecting")} />}
      </div>
      {draft && (
        <MappingEditor draft={draft} busy={state.busy} onChange={setDraft} onSave={(d) => void save(d)} onCancel={() => setDraft(null)} />
      )}
      {conversion && (
        <ConvertPanel
          key={conversionSeq}
          draft={conversion}
          busy={state.busy}
          onInsert={(rows, target) => void insertConversion(rows, target)}
          onCancel={() => setConversion(null)}
        />
      )}
      {state.phase === "ready" && state.tables.length === 0 && <Caption1>{t("tables.none")}</Caption1>}
      {state.tables.length > 0 && <Caption1 className={s.muted}>{t("tables.count", { n: state.tables.length })}</Caption1>}
      <ul className={s.list} aria-label={t("tabs.tables")}>
        {state.tables.map((tb) => (
          <li key={tb.id} className={s.card} data-table-id={tb.id} data-sheet={tb.sheet} data-range={tb.range} data-status={tb.status}>
            <Body1Strong>{tableTitle(tb, t)}</Body1Strong>
            <span className={s.mono}>{`${tb.sheet}!${tb.range}`}</span>
            <div className={s.row}>
              <Badge appearance="outline" color={tb.source === "mapped" ? "brand" : "informative"}>
                {tb.source === "mapped" ? t("tables.mapped") : t("tables.detected")}
              </Badge>
              {tb.kind === "department" && (
                <Badge appearance="outline" color="informative" data-kind="department">
                  {t("tables.department")}
                </Badge>
              )}
              {tb.form && <Badge appearance="outline" color="informative">{t("tables.form", { form: tb.form })}</Badge>}
              {tb.status === "ok" ? (
                <Caption1>{t("tables.indicators", { n: tb.indicators })}</Caption1>
              ) : (
                <Badge color="warning">{t("tables.lost")}</Badge>
              )}
            </div>
            {tb.source === "mapped" && tb.mappingId && (
              <div>
                <Button size="small" disabled={state.busy} onClick={() => void controller.removeMapping(tb.mappingId!)}>
                  {t("tables.removeMapping")}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {state.brokenMappings.length > 0 && (
        <section className={s.section} aria-label={t("tables.broken")}>
          <Body1Strong as="h3" className={s.heading}>
            {t("tables.broken")}
          </Body1Strong>
          <ul className={s.list}>
            {state.brokenMappings.map((b) => (
              <li key={b.id} className={s.card} data-broken={b.reason}>
                <span className={s.mono}>{`${b.sheet}!${b.address}`}</span>
                <Caption1>{pick(locale, b.message)}</Caption1>
                <div>
                  <Button size="small" disabled={state.busy} onClick={() => void controller.removeMapping(b.id)}>
                    {t("tables.removeBroken")}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {state.emptySheets.length > 0 && state.tables.length > 0 && (
        <Caption1 className={s.muted}>{t("tables.emptySheets", { sheets: state.emptySheets.join("、") })}</Caption1>
      )}
    </div>
  );
}
