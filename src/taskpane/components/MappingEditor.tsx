import { Body1Strong, Button, Caption1, Field, Select } from "@fluentui/react-components";
import type { ColumnRole } from "../../core/model/schema";
import { withHeaderRow, withRole, type MappingDraft } from "../controller";
import { useT } from "../i18n";
import { ROLE_CHOICES } from "../mapping";
import { usePaneStyles } from "./styles";

/**
 * Preview of a selection to be mapped: the header row (changeable) and, for every column, its
 * header text, a sample value and the role it gets (changeable), then save or cancel.
 */
export function MappingEditor({
  draft,
  busy,
  onChange,
  onSave,
  onCancel,
}: {
  draft: MappingDraft;
  busy: boolean;
  onChange: (d: MappingDraft) => void;
  onSave: (d: MappingDraft) => void;
  onCancel: () => void;
}) {
  const s = usePaneStyles();
  const t = useT();
  const roleName = (r: ColumnRole) => t(`mapping.roles.${r}`);
  return (
    <section className={s.card} aria-label={t("mapping.title")} data-testid="mapping-editor">
      <Body1Strong as="h3" className={s.heading}>
        {t("mapping.title")}
      </Body1Strong>
      <Caption1>{t("mapping.block", { range: `${draft.sheet}!${draft.address}` })}</Caption1>
      <Field label={t("mapping.headerRow")}>
        <Select
          className={s.select}
          value={String(draft.headerRow)}
          onChange={(_, d) => onChange(withHeaderRow(draft, Number(d.value)))}
          data-testid="header-row"
        >
          {draft.rowChoices.map((r) => (
            <option key={r.row} value={String(r.row)}>
              {t("mapping.row", { n: r.row + 1, text: r.text })}
            </option>
          ))}
        </Select>
      </Field>
      <Caption1 className={s.muted}>{t("mapping.columns")}</Caption1>
      <ul className={s.list}>
        {draft.columns.map((c) => (
          <li key={c.col} data-col={c.letter} data-role={c.role}>
            <Field
              label={`${t("mapping.column", { col: c.letter })} “${c.label || t("mapping.emptyLabel")}”`}
              hint={c.sample ? t("mapping.sample", { text: c.sample }) : undefined}
            >
              <Select className={s.select} value={c.role} onChange={(_, d) => onChange(withRole(draft, c.col, d.value as ColumnRole))}>
                {ROLE_CHOICES.map((r) => (
                  <option key={r} value={r}>
                    {roleName(r)}
                  </option>
                ))}
              </Select>
            </Field>
          </li>
        ))}
      </ul>
      {draft.missing.length > 0 && (
        <Caption1 role="alert" data-testid="mapping-missing">
          {t("mapping.missing", { roles: draft.missing.map(roleName).join("、") })}
        </Caption1>
      )}
      {draft.duplicates.length > 0 && (
        <Caption1 role="alert">{t("mapping.duplicate", { roles: draft.duplicates.map(roleName).join("、") })}</Caption1>
      )}
      <div className={s.row}>
        <Button appearance="primary" disabled={busy || draft.missing.length > 0 || draft.duplicates.length > 0} onClick={() => onSave(draft)}>
          {t("mapping.save")}
        </Button>
        <Button onClick={onCancel}>{t("mapping.cancel")}</Button>
      </div>
    </section>
  );
}
