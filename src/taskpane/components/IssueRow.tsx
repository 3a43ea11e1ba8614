import { Button, Caption1, mergeClasses } from "@fluentui/react-components";
import { useState, type KeyboardEvent, type MouseEvent } from "react";
import { formatMessage, ruleText } from "../../core/messages";
import type { Issue } from "../../core/model/schema";
import { useLocale, useT } from "../i18n";
import { usePaneStyles } from "./styles";

/** The message of an issue in the pane's language (rendered again from its data). */
export function issueMessage(locale: "zh-CN" | "en", issue: Issue): string {
  try {
    return formatMessage(locale, issue.rule, issue.messageId, issue.data ?? {});
  } catch {
    return issue.message;
  }
}

/**
 * One finding: focusable, Enter or a click selects its cell in the sheet. Carries data-rule,
 * data-cell and data-sheet for tests and tools. "Details" shows the rule's title and basis; fixable
 * issues offer "apply fix" (this one) and "fix all of this kind". A grouped habit (several members)
 * lists its cells, each focusable and selecting its own cell, and offers "fix all" for the group.
 */
export function IssueRow({
  issue,
  members = [issue],
  sameRuleFixes,
  onSelect,
  onFix,
}: {
  issue: Issue;
  /** Every issue of the finding (a group's cells); just `issue` by default. */
  members?: readonly Issue[];
  /** Fixable issues of the same rule in the workbook (for "fix all"). */
  sameRuleFixes: number;
  onSelect: (issue: Issue) => void;
  onFix: (issue: Issue, scope: "one" | "rule" | "group") => void;
}) {
  const s = usePaneStyles();
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const message = issueMessage(locale, issue);
  const stop = (fn: () => void) => (e: MouseEvent) => {
    e.stopPropagation();
    fn();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onSelect(issue);
    }
  };
  const rule = open ? ruleText(locale, issue.rule) : null;
  const grouped = members.length > 1;
  const groupFixes = grouped ? members.filter((m) => m.fix).length : 0;
  return (
    <li
      className={mergeClasses(s.issue, s[issue.severity])}
      tabIndex={0}
      data-rule={issue.rule}
      data-cell={issue.cell ?? ""}
      data-sheet={issue.sheet}
      data-severity={issue.severity}
      data-finding={grouped ? members.length : 1}
      aria-label={`${t("check.jump", { sheet: issue.sheet, cell: issue.cell ?? "" })}: ${message}`}
      onClick={() => onSelect(issue)}
      onKeyDown={onKeyDown}
    >
      <span>
        <span className={s.cellRef}>{issue.cell}</span>
        {message}
      </span>
      {grouped && (
        <div className={s.row} data-testid="group-cells">
          <Caption1>{t("check.groupCells", { n: members.length })}</Caption1>
          <ul className={s.inlineList}>
            {members.map((m) => (
              <li
                key={`${m.sheet}!${m.cell}`}
                className={s.cellRef}
                tabIndex={0}
                data-rule={m.rule}
                data-cell={m.cell ?? ""}
                data-sheet={m.sheet}
                data-severity={m.severity}
                aria-label={t("check.jump", { sheet: m.sheet, cell: m.cell ?? "" })}
                onClick={stop(() => onSelect(m))}
                onKeyDown={(e) => {
                  if (e.key !== "Enter" && e.key !== " ") return;
                  e.preventDefault();
                  e.stopPropagation();
                  onSelect(m);
                }}
              >
                {m.cell}
              </li>
            ))}
          </ul>
        </div>
      )}
      {issue.fix && !grouped && <Caption1 className={s.muted}>{t("check.fixTo", { text: issue.fix.text })}</Caption1>}
      <div className={s.row}>
        <Button size="small" appearance="subtle" aria-expanded={open} onClick={stop(() => setOpen(!open))}>
          {open ? t("check.hideDetails") : t("check.details")}
        </Button>
        {grouped && groupFixes > 0 && (
          <Button size="small" onClick={stop(() => onFix(issue, "group"))} data-action="fix-group">
            {t("check.fixGroup", { n: groupFixes })}
          </Button>
        )}
        {issue.fix && !grouped && (
          <Button size="small" onClick={stop(() => onFix(issue, "one"))} data-action="fix-one">
            {t("check.fixOne")}
          </Button>
        )}
        {issue.fix && !grouped && sameRuleFixes > 1 && (
          <Button size="small" onClick={stop(() => onFix(issue, "rule"))} data-action="fix-rule">
            {t("check.fixAll", { n: sameRuleFixes })}
          </Button>
        )}
      </div>
      {rule && (
        <div className={s.details} data-testid="issue-details" onClick={(e) => e.stopPropagation()}>
          <Caption1>{t("check.ruleLabel", { title: rule.title, rule: issue.rule })}</Caption1>
          <Caption1>{t("check.basis", { basis: rule.basis })}</Caption1>
        </div>
      )}
    </li>
  );
}
