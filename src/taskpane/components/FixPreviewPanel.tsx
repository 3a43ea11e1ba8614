import { Body1Strong, Button, Caption1 } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { FixPreview } from "../controller";
import { useT } from "../i18n";
import { usePaneStyles } from "./styles";

/** The cells a fix will change (cell: old → new), then apply or cancel. */
export function FixPreviewPanel({
  preview,
  busy,
  onApply,
  onCancel,
}: {
  preview: FixPreview;
  busy: boolean;
  onApply: () => void;
  onCancel: () => void;
}) {
  const s = usePaneStyles();
  const t = useT();
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), [preview]);
  return (
    <section className={s.card} aria-label={t("check.preview")} data-testid="fix-preview" data-rule={preview.rule}>
      <Body1Strong>{t(`notice.${preview.label.key}`, preview.label.data)}</Body1Strong>
      <Caption1>{t("check.preview")}</Caption1>
      <ul className={s.list}>
        {preview.changes.map((c) => (
          <li key={`${c.sheet}!${c.cell}`} className={s.mono} data-cell={c.cell}>
            {`${c.cell}: ${c.before || "∅"} → ${c.after || "∅"}`}
          </li>
        ))}
      </ul>
      <div className={s.row}>
        <Button ref={ref} appearance="primary" disabled={busy} onClick={onApply}>
          {t("check.apply")}
        </Button>
        <Button onClick={onCancel}>{t("check.cancel")}</Button>
      </div>
    </section>
  );
}
