import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { Notice } from "../controller";
import { pick, useLocale, useT } from "../i18n";

/** The controller's messages (errors, "table lost", "fix applied" …), each dismissable. */
export function Notices({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: (id: number) => void }) {
  const t = useT();
  const locale = useLocale();
  if (notices.length === 0) return null;
  return (
    <div role="status" aria-live="polite" data-testid="notices" style={{ display: "flex", flexDirection: "column", gap: 4 }}>
      {notices.map((n) => (
        <MessageBar key={n.id} intent={n.level === "error" ? "error" : n.level === "warning" ? "warning" : "info"} layout="multiline" data-notice={n.key ?? "text"}>
          <MessageBarBody>{n.text ? pick(locale, n.text) : t(`notice.${n.key}`, n.data)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="transparent" onClick={() => onDismiss(n.id)}>
              {t("dismiss")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
    </div>
  );
}
