import { Body1Strong, Button, Caption1, Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { useState } from "react";
import { reasonOf } from "../../core/extract/source";
import { FORMS } from "../../core/forms/categories";
import type { ConvertDraft, ConvertRow, ConvertTarget } from "../controller";
import { useLocale, useT } from "../i18n";
import { usePaneStyles } from "./styles";

/** 一级 choices and, per 一级, its 二级 choices (both forms: 成本指标 is a 一级 of the 101 form). */
const LEVEL2_OF: Record<string, readonly string[]> = {};
for (const form of Object.values(FORMS)) for (const [l1, l2s] of Object.entries(form)) LEVEL2_OF[l1] = [...new Set([...(LEVEL2_OF[l1] ?? []), ...l2s])];
const LEVEL1S = Object.keys(LEVEL2_OF);

/** The choices of a select with the current value kept (a value the library suggested stays choosable). */
function choices(list: readonly string[], current: string): string[] {
  return ["", ...list, ...(current !== "" && !list.includes(current) ? [current] : [])];
}

/**
 * Preview of "转换为指标表": one card per measure — 一级 / 二级 (select), 三级 name and 指标值
 * (editable), the suggested level's reason and the source clause beside it — then where to insert
 * (a new sheet, or below the block) and insert / cancel.
 */
export function ConvertPanel({
  draft,
  busy,
  onInsert,
  onCancel,
}: {
  draft: ConvertDraft;
  busy: boolean;
  onInsert: (rows: ConvertRow[], target: ConvertTarget) => void;
  onCancel: () => void;
}) {
  const s = usePaneStyles();
  const t = useT();
  const locale = useLocale();
  const [rows, setRows] = useState<ConvertRow[]>(draft.rows);
  const [target, setTarget] = useState<ConvertTarget>("sheet");
  const edit = (i: number, patch: Partial<ConvertRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <section className={s.card} aria-label={t("convert.title")} data-testid="convert-panel">
      <Body1Strong as="h3" className={s.heading}>
        {t("convert.title")}
      </Body1Strong>
      <Caption1>{t("convert.block", { range: `${draft.sheet}!${draft.address}` })}</Caption1>
      <Caption1 className={s.muted} data-testid="convert-count">
        {t("convert.rows", { n: rows.length })}
      </Caption1>
      <ol className={s.list}>
        {rows.map((r, i) => (
          <li key={i} className={s.card} data-convert-row={i} data-name={r.name} data-value={r.value} data-level2={r.level2}>
            <div className={s.row}>
              <Field label={t("convert.level1")}>
                <Select
                  className={s.select}
                  value={r.level1}
                  onChange={(_, d) => edit(i, { level1: d.value, level2: (LEVEL2_OF[d.value] ?? []).includes(r.level2) ? r.level2 : "" })}
                  data-field="level1"
                >
                  {choices(LEVEL1S, r.level1).map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t("convert.level2")}>
                <Select className={s.select} value={r.level2} onChange={(_, d) => edit(i, { level2: d.value })} data-field="level2">
                  {choices(LEVEL2_OF[r.level1] ?? [], r.level2).map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            <Field label={t("convert.name")}>
              <Input value={r.name} onChange={(_, d) => edit(i, { name: d.value })} data-field="name" />
            </Field>
            <Field label={t("convert.value")}>
              <Input value={r.value} onChange={(_, d) => edit(i, { value: d.value })} data-field="value" />
            </Field>
            <Caption1 className={s.muted}>{t("convert.reason", { reason: reasonOf(r.reason, locale) })}</Caption1>
            <Caption1 className={s.muted}>{t("convert.source", { text: r.source })}</Caption1>
            <div>
              <Button size="small" disabled={busy} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                {t("convert.remove")}
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <Field label={t("convert.target")}>
        <RadioGroup value={target} onChange={(_, d) => setTarget(d.value as ConvertTarget)} data-testid="convert-target">
          <Radio value="sheet" label={t("convert.newSheet")} />
          <Radio value="below" label={t("convert.below")} />
        </RadioGroup>
      </Field>
      <div className={s.row}>
        <Button appearance="primary" disabled={busy || rows.length === 0} onClick={() => onInsert(rows, target)}>
          {t("convert.insert")}
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          {t("convert.cancel")}
        </Button>
      </div>
    </section>
  );
}
