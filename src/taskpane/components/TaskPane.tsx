import { Caption1, Spinner, Tab, TabList, Title3 } from "@fluentui/react-components";
import { lazy, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { Locale } from "../../core/messages";
import type { WorkbookPort } from "../../excel/port";
import { PaneController, type ControllerOptions } from "../controller";
import { LocaleContext, useT } from "../i18n";
import { foldIssues } from "../issue-groups";
import { IssuesTab } from "./IssuesTab";
import { LazyTab } from "./LazyTab";
import { Notices } from "./Notices";
import { usePaneStyles } from "./styles";

/** 表格 and 支出计划 are loaded on first use (chunks of their own: the tabs, the mapping editor, the plan chart). */
const TablesTab = lazy(() => import(/* webpackChunkName: "tables-tab" */ "./TablesTab").then((m) => ({ default: m.TablesTab })));
const PlanTab = lazy(() => import(/* webpackChunkName: "plan-tab" */ "./PlanTab").then((m) => ({ default: m.PlanTab })));

/** 指标库 is loaded on first use: it brings the library (data, search, pinyin-pro). */
const LibraryTab = lazy(() => import("./LibraryTab"));

/** 设置 (the self-test) is loaded on first use. */
const SettingsTab = lazy(() => import(/* webpackChunkName: "settings-tab" */ "./SettingsTab").then((m) => ({ default: m.SettingsTab })));

/** Tabs of the pane. */
export type TabId = "tables" | "check" | "plan" | "library" | "settings";

/** The pane over a controller (rendered directly in tests). */
export function PaneView({ controller, initialTab = "check" }: { controller: PaneController; initialTab?: TabId }) {
  const s = usePaneStyles();
  const t = useT();
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
  const [tab, setTab] = useState<TabId>(initialTab);
  // Findings as the 检查 tab counts them: a habit grouped over several cells is one.
  const findingCount = useMemo(() => foldIssues(state.issues).length, [state.issues]);
  return (
    <main className={s.page} data-phase={state.phase} data-library={state.library ?? "none"}>
      <Title3 as="h1" className={s.heading}>
        {t("appName")}
      </Title3>
      <TabList className={s.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
        <Tab value="tables" data-tab="tables">
          {t("tabs.tables")}
        </Tab>
        <Tab value="check" data-tab="check">
          {`${t("tabs.check")}${findingCount ? ` (${findingCount})` : ""}`}
        </Tab>
        <Tab value="plan" data-tab="plan">
          {t("tabs.plan")}
        </Tab>
        <Tab value="library" data-tab="library">
          {t("tabs.library")}
        </Tab>
        {controller.selfTestCases > 0 && (
          <Tab value="settings" data-tab="settings">
            {t("tabs.settings")}
          </Tab>
        )}
      </TabList>
      <Notices notices={state.notices} onDismiss={(id) => controller.dismissNotice(id)} />
      {(state.phase === "idle" || (state.phase === "detecting" && state.tables.length === 0)) && (
        <Spinner size="small" label={t("starting")} />
      )}
      {tab === "tables" ? (
        <LazyTab>
          <TablesTab controller={controller} state={state} />
        </LazyTab>
      ) : tab === "plan" ? (
        <LazyTab>
          <PlanTab controller={controller} state={state} />
        </LazyTab>
      ) : tab === "settings" ? (
        <LazyTab>
          <SettingsTab controller={controller} state={state} />
        </LazyTab>
      ) : tab === "library" ? (
        <LazyTab label={t("library.loading")}>
          <LibraryTab controller={controller} state={state} />
        </LazyTab>
      ) : (
        <IssuesTab controller={controller} state={state} />
      )}
    </main>
  );
}

/**
 * The task pane: receives a WorkbookPort (never Office itself), makes a controller, starts it
 * (detect + live checking) and stops it when unmounted.
 */
export function TaskPane({
  port,
  locale,
  options,
  initialTab,
}: {
  port: WorkbookPort;
  locale: Locale;
  options?: ControllerOptions;
  initialTab?: TabId;
}) {
  const [controller, setController] = useState<PaneController | null>(null);
  const optionsRef = useRef(options);
  useEffect(() => {
    const c = new PaneController(port, optionsRef.current);
    setController(c);
    void c.start();
    return () => {
      void c.dispose();
    };
    // The controller lives as long as the port; options are read once.
  }, [port]);
  return (
    <LocaleContext.Provider value={locale}>
      {controller ? <PaneView controller={controller} initialTab={initialTab} /> : <Caption1>{"…"}</Caption1>}
    </LocaleContext.Provider>
  );
}
