/**
 * 设置 / Settings: the self-test ("自检 / Self-test"). It runs the port contract suite in this
 * workbook's Excel through the controller (never Office directly), shows a result per case with the
 * Excel build and platform, and offers the plain-text report ("复制结果").
 */
import { Badge, Body1, Button, Caption1, Subtitle2, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { reportText } from "../../excel/contract/runner";
import type { PaneController, PaneState } from "../controller";
import { pick, useLocale, useT } from "../i18n";
import { usePaneStyles } from "./styles";

export function SettingsTab({ controller, state }: { controller: PaneController; state: PaneState }) {
  const s = usePaneStyles();
  const t = useT();
  const locale = useLocale();
  const [copied, setCopied] = useState(false);
  const st = state.selfTest;
  const report = st?.report ?? null;
  const text = report ? reportText(report) : "";
  const count = (k: "pass" | "fail" | "skip") => report?.results.filter((r) => r.status === k).length ?? 0;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = document.querySelector<HTMLTextAreaElement>("textarea[data-testid=selftest-text]");
      area?.select();
      document.execCommand("copy");
    }
    setCopied(true);
  };
  if (controller.selfTestCases === 0) return null;
  return (
    <section className={s.section} data-testid="settings" aria-label={t("settings.selfTestTitle")}>
      <Subtitle2 as="h2">{t("settings.selfTestTitle")}</Subtitle2>
      <Body1 as="p">{t("settings.selfTestBody", { n: controller.selfTestCases })}</Body1>
      <Button appearance="primary" data-testid="selftest-run" disabled={st?.status === "running"} onClick={() => void controller.runSelfTest()}>
        {st?.status === "running" ? t("settings.running", { done: st.done, total: st.total || controller.selfTestCases }) : t("settings.run")}
      </Button>
      {st?.status === "failed" && st.error && <Caption1 role="alert">{t("settings.failed", { error: pick(locale, st.error) })}</Caption1>}
      {report && (
        <div data-testid="selftest-report" data-status={st?.status} data-fail={count("fail")} data-pass={count("pass")} data-skip={count("skip")}>
          <Caption1 as="p">{t("settings.environment", { build: report.build, platform: report.platform, api: report.apiVersion })}</Caption1>
          <Body1 as="p">{t("settings.summary", { pass: count("pass"), fail: count("fail"), skip: count("skip") })}</Body1>
          {report.cleanupErrors.length > 0 && <Caption1 role="alert">{t("settings.cleanup", { error: report.cleanupErrors.join("; ") })}</Caption1>}
          <ul className={s.list}>
            {report.results.map((r) => (
              <li key={r.id} data-case={r.id} data-status={r.status}>
                <Badge appearance="tint" color={r.status === "pass" ? "success" : r.status === "fail" ? "danger" : "informative"}>
                  {t(`settings.status.${r.status}`)}
                </Badge>{" "}
                <Caption1>{pick(locale, r.title)}</Caption1>
                {r.message && <Caption1 as="p">{r.message}</Caption1>}
              </li>
            ))}
          </ul>
          <Button data-testid="selftest-copy" onClick={() => void copy()}>
            {copied ? t("settings.copied") : t("settings.copy")}
          </Button>
          <Textarea data-testid="selftest-text" readOnly value={text} resize="vertical" />
        </div>
      )}
    </section>
  );
}
