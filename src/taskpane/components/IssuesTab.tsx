import { Badge, Body1Strong, Button, Caption1, MessageBar, MessageBarBody, Switch } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Issue, Severity } from "../../core/model/schema";
import { SEVERITIES } from "../../core/model/severity";
import type { FixPreview, PaneController, PaneState, SeverityCounts } from "../controller";
import { useT } from "../i18n";
import { countFindings, foldIssues, type Finding } from "../issue-groups";
import { FixPreviewPanel } from "./FixPreviewPanel";
import { IssueRow } from "./IssueRow";
import { usePaneStyles } from "./styles";
import { tableTitle } from "./table-title";

const PAGE = 100;
/** With more issues than this, table groups start collapsed (a workbook of 200 tables stays light). */
const EXPAND_ALL_UP_TO = 300;

interface Group {
  key: string;
  table: number | null;
  counts: SeverityCounts;
  bySeverity: Record<Severity, Finding[]>;
}

function Counts({ counts }: { counts: SeverityCounts }) {
  const t = useT();
  return (
    <span style={{ display: "inline-flex", flexWrap: "wrap", gap: 4 }}>
      <Badge color="danger" appearance={counts.error ? "filled" : "outline"} data-count="error">{`${t("severityName.error")} ${counts.error}`}</Badge>
      <Badge color="warning" appearance={counts.warning ? "filled" : "outline"} data-count="warning">{`${t("severityName.warning")} ${counts.warning}`}</Badge>
      <Badge color="informative" appearance="outline" data-count="info">{`${t("severityName.info")} ${counts.info}`}</Badge>
    </span>
  );
}

/**
 * 检查: the live list of findings grouped by table and severity, with marks, fixes and undo. A habit
 * repeated on many cells is one finding listing its cells (with "fix all" for the group); the counts
 * count it once.
 */
export function IssuesTab({ controller, state }: { controller: PaneController; state: PaneState }) {
  const s = usePaneStyles();
  const t = useT();
  const [preview, setPreview] = useState<FixPreview | null>(null);
  const [shown, setShown] = useState<Record<string, number>>({});
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const expandedByDefault = state.issues.length <= EXPAND_ALL_UP_TO;

  const findings = useMemo(() => foldIssues(state.issues), [state.issues]);
  const totals = useMemo(() => countFindings(findings), [findings]);

  const groups = useMemo((): Group[] => {
    const out = new Map<string, Group>();
    const groupOf = (issue: Issue): Group => {
      const key = issue.table === null ? "workbook" : String(issue.table);
      let g = out.get(key);
      if (!g) {
        g = {
          key,
          table: issue.table,
          counts: { error: 0, warning: 0, info: 0 },
          bySeverity: { error: [], warning: [], info: [] },
        };
        out.set(key, g);
      }
      return g;
    };
    for (const f of findings) {
      const g = groupOf(f.issue);
      g.counts[f.issue.severity]++;
      g.bySeverity[f.issue.severity].push(f);
    }
    return [...out.values()];
  }, [findings]);

  const fixCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const i of state.issues) if (i.fix) m.set(i.rule, (m.get(i.rule) ?? 0) + 1);
    return m;
  }, [state.issues]);

  const tableSheets = new Set(state.tables.map((tb) => tb.sheet.toLowerCase()));
  const protectedWithTables = state.protectedSheets.filter((p) => tableSheets.has(p.toLowerCase()));
  const undoLabel = state.undo ? t(`notice.${state.undo.key}`, state.undo.data) : "";

  const apply = async () => {
    if (!preview) return;
    const p = preview;
    setPreview(null);
    await controller.applyFix(p);
  };

  return (
    <div className={s.section} data-testid="issues-tab">
      <div className={s.row}>
        <Switch
          checked={state.highlight}
          label={t("check.highlight")}
          onChange={(_, d) => void controller.setHighlight(d.checked)}
          data-testid="highlight"
        />
      </div>
      <div className={s.row}>
        <Button size="small" onClick={() => void controller.clearMarks()} data-action="clear-marks">
          {t("check.clearMarks")}
        </Button>
        <Button
          size="small"
          disabled={!state.undo || state.busy}
          onClick={() => void controller.undo()}
          title={state.undo ? t("check.undoWhat", { label: undoLabel }) : undefined}
          data-action="undo"
        >
          {t("check.undo")}
        </Button>
      </div>
      {state.undo && <Caption1 className={s.muted}>{t("check.undoWhat", { label: undoLabel })}</Caption1>}
      {protectedWithTables.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="protected">
          <MessageBarBody>{t("check.protected", { sheets: protectedWithTables.join("、") })}</MessageBarBody>
        </MessageBar>
      )}
      {preview && <FixPreviewPanel preview={preview} busy={state.busy} onApply={() => void apply()} onCancel={() => setPreview(null)} />}
      {state.tables.length === 0 ? (
        <Caption1>{t("check.noTables")}</Caption1>
      ) : (
        <>
          <div className={s.row} data-testid="totals">
            <Counts counts={totals} />
          </div>
          {state.issues.length === 0 && <Caption1>{t("check.noIssues")}</Caption1>}
        </>
      )}
      {groups.map((g) => {
        const tb = g.table === null ? null : state.tables[g.table];
        const title = tb ? tableTitle(tb, t) : t("check.workbook");
        const open = toggled[g.key] ?? expandedByDefault;
        return (
        <section key={g.key} className={s.section} data-group={g.key} aria-label={title}>
          <div className={s.card}>
            <Body1Strong as="h3" className={s.heading}>
              {title}
            </Body1Strong>
            {tb && <span className={s.mono}>{`${tb.sheet}!${tb.range}`}</span>}
            <div className={s.row}>
              <Counts counts={g.counts} />
              <Button size="small" appearance="subtle" aria-expanded={open} onClick={() => setToggled({ ...toggled, [g.key]: !open })} data-action="toggle-group">
                {open ? t("check.hideDetails") : t("check.showIssues")}
              </Button>
            </div>
          </div>
          {open && SEVERITIES.filter((sev) => g.bySeverity[sev].length > 0).map((sev) => {
            const list = g.bySeverity[sev];
            const k = `${g.key}:${sev}`;
            const limit = shown[k] ?? PAGE;
            return (
              <div key={sev} className={s.section} data-severity-group={sev}>
                <Caption1 as="h4" className={s.heading}>{`${t(`severityName.${sev}`)}（${list.length}）`}</Caption1>
                <ul className={s.list}>
                  {list.slice(0, limit).map(({ issue, members }, i) => (
                    <IssueRow
                      key={`${issue.rule}|${issue.messageId}|${issue.cell}|${i}`}
                      issue={issue}
                      members={members}
                      sameRuleFixes={fixCounts.get(issue.rule) ?? 0}
                      onSelect={(is) => void controller.select(is)}
                      onFix={(is, scope) => setPreview(controller.previewFix(is, scope))}
                    />
                  ))}
                </ul>
                {list.length > limit && (
                  <Button size="small" appearance="subtle" onClick={() => setShown({ ...shown, [k]: limit + PAGE })}>
                    {t("check.more", { n: Math.min(PAGE, list.length - limit) })}
                  </Button>
                )}
              </div>
            );
          })}
        </section>
        );
      })}
    </div>
  );
}
