import {
  Badge,
  Body1Strong,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { CellValue } from "../../core/grid/cellgrid";
import { t as catalogText, type Locale } from "../../core/messages";
import { PLAN_KEYS, type MoneyUnit, type PlanKey } from "../../core/model/schema";
import { MONEY_SCALE, PROFILE_KINDS, type PlanCellWrite, type PlanValues, type ProfileKind } from "../../core/plan";
import type { PaneController, PaneState } from "../controller";
import { useLocale, useT } from "../i18n";
import { defaultPlanForm, overwrittenCells, planErrorMessage, planParamsFromForm, type MilestoneMode, type PlanForm } from "../plan-controller";
import { PlanChart } from "./PlanChart";
import { usePaneStyles } from "./styles";
import { tableTitle } from "./table-title";

const usePlanStyles = makeStyles({
  months: { display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  pair: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalS },
  milestone: { display: "grid", gridTemplateColumns: "minmax(0, 1.2fr) minmax(0, 1fr) auto", columnGap: tokens.spacingHorizontalXS, alignItems: "center" },
  input: { minWidth: 0, width: "100%" },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, tableLayout: "auto" },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, padding: `2px ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  td: { padding: `2px ${tokens.spacingHorizontalXS}`, fontVariantNumeric: "tabular-nums" },
  value: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  num: { textAlign: "right" },
});

const MODES: { mode: MilestoneMode; key: string }[] = [
  { mode: "%", key: "share" },
  { mode: "元", key: "yuan" },
  { mode: "万元", key: "wanyuan" },
];

function fmtPercent(v: number | null): string {
  return v === null ? "" : `${v}%`;
}

function fmtMoney(locale: Locale, v: number, unit: MoneyUnit): string {
  return new Intl.NumberFormat(locale === "en" ? "en-US" : "zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: MONEY_SCALE[unit] }).format(v);
}

function fmtCell(v: CellValue | string | number): string {
  return v === null || v === "" ? "" : String(v);
}

interface Pending {
  tableId: string;
  values: PlanValues;
  cells: PlanCellWrite[];
}

/**
 * 支出计划: pick a table, choose a spending profile and its parameters, see the four cumulative
 * values (with money from 预算数), a chart of cumulative spending by month and the plan checks —
 * then write the four cells (asking first when non-empty cells would be overwritten); the pane's
 * "undo last change" restores them.
 */
export function PlanTab({ controller, state }: { controller: PaneController; state: PaneState }) {
  const s = usePaneStyles();
  const p = usePlanStyles();
  const t = useT();
  const locale = useLocale();
  const cli = (key: string, data?: Record<string, string | number>) => catalogText(locale, `cli.plan.${key}`, data);

  // Project tables: a department table (部门整体) has no 资金支出计划 to fill.
  const tables = state.tables.filter((tb) => tb.status === "ok" && tb.kind === "project");
  const [tableId, setTableId] = useState<string | null>(null);
  const selected = tables.find((tb) => tb.id === tableId) ?? tables[0] ?? null;
  const model = selected ? controller.tableModel(selected.id) : null;
  const [form, setFormState] = useState<PlanForm>(() => defaultPlanForm());
  /** 跨年 as ticked per table; unticked tables follow the table's own 跨年/结转 flag. */
  const [crossYear, setCrossYear] = useState<Record<string, boolean>>({});
  const [pending, setPending] = useState<Pending | null>(null);
  const [writeError, setWriteError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const writeRef = useRef<HTMLButtonElement>(null);
  const wasPending = useRef(false);

  const cross = selected ? (crossYear[selected.id] ?? model?.crossYear ?? false) : false;
  const setForm = (patch: Partial<PlanForm>) => {
    setFormState((f) => ({ ...f, ...patch }));
    setPending(null);
    setWriteError(null);
  };

  const params = useMemo(() => planParamsFromForm(form), [form]);
  const selectedId = selected?.id ?? null;
  // `model` is a new object whenever the table was read again (typed into, written, undone).
  const preview = useMemo(
    () =>
      selectedId && model
        ? controller.previewPlan(selectedId, { params, crossYear: cross, recurring: form.recurring, decimals: form.decimals }, locale)
        : null,
    [controller, selectedId, model, params, cross, form.recurring, form.decimals, locale],
  );

  // Focus moves to the confirmation when it opens, and back to "写入表格" when it closes.
  useEffect(() => {
    if (pending) confirmRef.current?.focus();
    else if (wasPending.current) writeRef.current?.focus();
    wasPending.current = pending !== null;
  }, [pending]);

  if (tables.length === 0) {
    return (
      <div className={s.section} data-testid="plan-tab">
        <Caption1>{t("plan.noTables")}</Caption1>
      </div>
    );
  }

  const ok = preview?.ok ? preview : null;
  const write = async () => {
    if (!ok || !selected) return;
    setWriteError(null);
    const values = ok.result.values;
    const out = await controller.writePlan(selected.id, values);
    if (out.status === "confirm") setPending({ tableId: selected.id, values, cells: out.cells });
    else if (out.status === "failed" && out.error) setWriteError(planErrorMessage(locale, out.error));
  };
  const confirmWrite = async () => {
    if (!pending) return;
    const c = pending;
    setPending(null);
    const out = await controller.writePlan(c.tableId, c.values, c.cells);
    if (out.status === "confirm") setPending({ ...c, cells: out.cells });
    else if (out.status === "failed" && out.error) setWriteError(planErrorMessage(locale, out.error));
  };
  const onConfirmKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      setPending(null);
    }
  };

  const monthOptions = (max: number) =>
    Array.from({ length: max }, (_, i) => i + 1).map((m) => (
      <option key={m} value={String(m)}>
        {m <= 12 ? cli("month", { m }) : cli("nextYearMonth", { m: m - 12 })}
      </option>
    ));
  const profileName = (k: ProfileKind) => {
    const n = cli(`profiles.${k}`);
    return n.charAt(0).toUpperCase() + n.slice(1);
  };
  const label = (k: PlanKey) => cli(`labels.${k}`);
  const setMilestone = (i: number, patch: Partial<PlanForm["milestones"][number]>) =>
    setForm({ milestones: form.milestones.map((m, j) => (j === i ? { ...m, ...patch } : m)) });

  return (
    <div className={s.section} data-testid="plan-tab">
      <Field label={t("plan.table")}>
        <Select
          className={s.select}
          value={selected?.id ?? ""}
          onChange={(_, d) => {
            setTableId(d.value);
            setPending(null);
            setWriteError(null);
          }}
          data-testid="plan-table"
        >
          {tables.map((tb) => (
            <option key={tb.id} value={tb.id} data-sheet={tb.sheet} data-range={tb.range}>
              {`${tableTitle(tb, t)}（${tb.sheet}!${tb.range}）`}
            </option>
          ))}
        </Select>
      </Field>

      <Field label={t("plan.profile")}>
        <Select className={s.select} value={form.profile} onChange={(_, d) => setForm({ profile: d.value as ProfileKind })} data-testid="plan-profile">
          {PROFILE_KINDS.map((k) => (
            <option key={k} value={k}>
              {profileName(k)}
            </option>
          ))}
        </Select>
      </Field>

      {(form.profile === "even" || form.profile === "front" || form.profile === "back") && (
        <div className={p.pair}>
          <Field label={t("plan.start")}>
            <Select className={s.select} value={form.start} onChange={(_, d) => setForm({ start: d.value })} data-testid="plan-start">
              {monthOptions(12)}
            </Select>
          </Field>
          <Field label={t("plan.end")}>
            <Select className={s.select} value={form.end} onChange={(_, d) => setForm({ end: d.value })} data-testid="plan-end">
              {monthOptions(24)}
            </Select>
          </Field>
        </div>
      )}

      {form.profile === "once" && (
        <Field label={t("plan.month")}>
          <Select className={s.select} value={form.month} onChange={(_, d) => setForm({ month: d.value })} data-testid="plan-month">
            {monthOptions(12)}
          </Select>
        </Field>
      )}

      {form.profile === "monthly" && (
        <fieldset className={s.section} style={{ border: 0, margin: 0, padding: 0 }} data-testid="plan-monthly">
          <legend>
            <Caption1>{t("plan.monthly")}</Caption1>
          </legend>
          <div className={p.months}>
            {form.monthly.map((v, i) => (
              <Field key={i} label={cli("month", { m: i + 1 })} size="small">
                <Input
                  className={p.input}
                  size="small"
                  inputMode="decimal"
                  value={v}
                  onChange={(_, d) => setForm({ monthly: form.monthly.map((x, j) => (j === i ? d.value : x)) })}
                  data-month={i + 1}
                />
              </Field>
            ))}
          </div>
          <Caption1 className={s.muted}>{t("plan.monthlyHint")}</Caption1>
        </fieldset>
      )}

      {form.profile === "milestones" && (
        <fieldset className={s.section} style={{ border: 0, margin: 0, padding: 0 }} data-testid="plan-milestones">
          <legend>
            <Caption1>{t("plan.milestones")}</Caption1>
          </legend>
          <Field label={t("plan.milestoneMode")}>
            <Select className={s.select} value={form.milestoneMode} onChange={(_, d) => setForm({ milestoneMode: d.value as MilestoneMode })} data-testid="plan-milestone-mode">
              {MODES.map((m) => (
                <option key={m.mode} value={m.mode}>
                  {t(`plan.modes.${m.key}`)}
                </option>
              ))}
            </Select>
          </Field>
          <ul className={s.list}>
            {form.milestones.map((m, i) => (
              <li key={i} className={p.milestone} data-milestone={i + 1}>
                <Input
                  className={p.input}
                  size="small"
                  value={m.date}
                  placeholder={t("plan.datePlaceholder")}
                  aria-label={t("plan.milestoneDate", { n: i + 1 })}
                  onChange={(_, d) => setMilestone(i, { date: d.value })}
                  data-field="date"
                />
                <Input
                  className={p.input}
                  size="small"
                  inputMode="decimal"
                  value={m.value}
                  aria-label={t("plan.milestoneValue", { n: i + 1 })}
                  contentAfter={<Caption1>{form.milestoneMode}</Caption1>}
                  onChange={(_, d) => setMilestone(i, { value: d.value })}
                  data-field="value"
                />
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={t("plan.removeMilestone", { n: i + 1 })}
                  title={t("plan.removeMilestone", { n: i + 1 })}
                  disabled={form.milestones.length <= 1}
                  onClick={() => setForm({ milestones: form.milestones.filter((_, j) => j !== i) })}
                >
                  ×
                </Button>
              </li>
            ))}
          </ul>
          <div className={s.row}>
            <Button size="small" onClick={() => setForm({ milestones: [...form.milestones, { date: "", value: "" }] })} data-action="add-milestone">
              {t("plan.addMilestone")}
            </Button>
          </div>
          <Field label={t("plan.year")} size="small">
            <Input className={p.input} size="small" inputMode="numeric" value={form.year} onChange={(_, d) => setForm({ year: d.value })} data-testid="plan-year" />
          </Field>
          <Caption1 className={s.muted}>{t("plan.milestoneHint")}</Caption1>
        </fieldset>
      )}

      <div className={s.section} style={{ rowGap: 0 }}>
        <Checkbox
          checked={cross}
          label={t("plan.crossYear")}
          onChange={(_, d) => {
            if (selected) setCrossYear({ ...crossYear, [selected.id]: d.checked === true });
            setPending(null);
          }}
          data-testid="plan-cross-year"
        />
        <Checkbox checked={form.recurring} label={t("plan.recurring")} onChange={(_, d) => setForm({ recurring: d.checked === true })} data-testid="plan-recurring" />
        <Checkbox checked={form.decimals === 1} label={t("plan.decimals")} onChange={(_, d) => setForm({ decimals: d.checked === true ? 1 : 0 })} data-testid="plan-decimals" />
      </div>

      {preview && !preview.ok && (
        <MessageBar intent="error" layout="multiline" data-testid="plan-error" data-error={preview.error.key}>
          <MessageBarBody>{planErrorMessage(locale, preview.error)}</MessageBarBody>
        </MessageBar>
      )}

      {ok && (
        <section className={s.card} aria-label={t("plan.preview")} data-testid="plan-preview" aria-live="polite">
          <Body1Strong as="h3" className={s.heading}>
            {t("plan.preview")}
          </Body1Strong>
          <table className={p.table}>
            <thead>
              <tr>
                <th className={p.th} scope="col">
                  {t("plan.checkpoint")}
                </th>
                <th className={`${p.th} ${p.num}`} scope="col">
                  {t("plan.percent")}
                </th>
                {ok.result.money && (
                  <th className={`${p.th} ${p.num}`} scope="col">
                    {t("plan.money", { unit: ok.unit })}
                  </th>
                )}
                {ok.current && (
                  <th className={`${p.th} ${p.num}`} scope="col">
                    {t("plan.current")}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {PLAN_KEYS.map((k) => (
                <tr key={k}>
                  <th className={p.td} scope="row" style={{ fontWeight: "normal", textAlign: "left" }}>
                    {label(k)}
                  </th>
                  <td className={`${p.td} ${p.num} ${p.value}`} data-plan={k}>
                    {fmtPercent(ok.result.values[k])}
                  </td>
                  {ok.result.money && (
                    <td className={`${p.td} ${p.num}`} data-plan-money={k}>
                      {fmtMoney(locale, ok.result.money.values[k], ok.result.money.unit)}
                    </td>
                  )}
                  {ok.current && (
                    <td className={`${p.td} ${p.num} ${s.muted}`} data-plan-current={k}>
                      {ok.current[k] === null ? t("plan.empty") : fmtPercent(ok.current[k])}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <Caption1 className={s.muted} data-testid="plan-budget">
            {ok.result.money ? t("plan.budget", { budget: fmtMoney(locale, ok.result.money.budget, ok.result.money.unit), unit: ok.result.money.unit }) : t("plan.noBudget")}
          </Caption1>
          {ok.result.crossYear && <Caption1>{cli("crossYear", { value: `${ok.result.values.m12}%` })}</Caption1>}
          {ok.result.notes.map((n, i) => (
            <Caption1 key={i} data-note={n.key}>
              {cli(`notes.${n.key}`, n.data)}
            </Caption1>
          ))}
          <Caption1>{t("plan.chart")}</Caption1>
          <PlanChart series={ok.result.series} before={ok.result.before} values={ok.result.values} />
          <Body1Strong as="h4" className={s.heading}>
            {t("plan.checks")}
          </Body1Strong>
          {ok.issues.length === 0 ? (
            <Caption1 data-testid="plan-no-issues">{t("plan.noIssues")}</Caption1>
          ) : (
            <ul className={s.list} data-testid="plan-issues">
              {ok.issues.map((is, i) => (
                <li key={`${is.rule}|${is.key}|${i}`} className={s.row} data-rule={is.rule} data-severity={is.severity}>
                  <Badge size="small" appearance="outline" color={is.severity === "error" ? "danger" : is.severity === "warning" ? "warning" : "informative"}>
                    {t(`severityName.${is.severity}`)}
                  </Badge>
                  <Caption1>{is.message}</Caption1>
                </li>
              ))}
            </ul>
          )}
          {ok.cells && <Caption1 className={s.muted}>{t("plan.willWrite", { cells: ok.cells.map((c) => c.cell).join(locale === "en" ? ", " : "、") })}</Caption1>}
          {ok.writeError && <Caption1>{t("plan.cannotWrite", { reason: planErrorMessage(locale, ok.writeError) })}</Caption1>}
          <div className={s.row}>
            <Button
              ref={writeRef}
              appearance="primary"
              disabled={state.busy || !ok.cells || pending !== null}
              onClick={() => void write()}
              data-action="write-plan"
            >
              {t("plan.write")}
            </Button>
          </div>
        </section>
      )}

      {pending && (
        <section className={s.card} role="alertdialog" aria-label={t("plan.confirmTitle")} onKeyDown={onConfirmKey} data-testid="plan-confirm">
          <Body1Strong>{t("plan.confirmTitle")}</Body1Strong>
          <ul className={s.list}>
            {overwrittenCells(pending.cells).map((c) => (
              <li key={c.cell} className={s.mono} data-cell={c.cell}>
                {t("plan.cellChange", { cell: c.cell, label: label(c.key), before: fmtCell(c.before), after: fmtCell(c.after) })}
              </li>
            ))}
          </ul>
          <div className={s.row}>
            <Button ref={confirmRef} appearance="primary" disabled={state.busy} onClick={() => void confirmWrite()} data-action="confirm-write-plan">
              {t("plan.confirm")}
            </Button>
            <Button onClick={() => setPending(null)} data-action="cancel-write-plan">
              {t("plan.cancel")}
            </Button>
          </div>
        </section>
      )}

      {writeError && (
        <MessageBar intent="error" layout="multiline" data-testid="plan-write-error">
          <MessageBarBody>{writeError}</MessageBarBody>
        </MessageBar>
      )}

      {state.undo && (
        <div className={s.row}>
          <Button size="small" disabled={state.busy} onClick={() => void controller.undo()} data-action="undo">
            {t("check.undo")}
          </Button>
          <Caption1 className={s.muted}>{t("check.undoWhat", { label: t(`notice.${state.undo.key}`, state.undo.data) })}</Caption1>
        </div>
      )}
    </div>
  );
}
