// Task pane entry. Renders at once and never blocks on Office.onReady, which stays pending forever
// outside Office when office.js cannot finish loading. This is the only place that constructs the
// OfficeWorkbook: when Office.onReady reports Excel, or when the page already provides `Excel`
// (the browser workbench installs an in-memory Excel on window before this bundle runs).
import { useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { Body1, Caption1, FluentProvider, Spinner, Title3, makeStyles, tokens, webLightTheme, type Theme } from "@fluentui/react-components";
import { OfficeWorkbook } from "../excel/office-workbook";
import { officeSelfTest } from "../excel/contract/runner";
import type { WorkbookPort } from "../excel/port";
import type { Locale } from "../core/messages";
import { TaskPane } from "./components/TaskPane";
import type { ControllerOptions } from "./controller";
import { localeFromDisplayLanguage, paneText } from "./i18n";
import { hasExcelApi, officeDisplayLanguage, watchOfficeHost, type HostState } from "../excel/host";

export { watchOfficeHost, hasExcelApi, type HostState } from "../excel/host";

/** Run the pane when Office says Excel, or when an Excel API is present and Office has settled (or is absent). */
export function shouldRun(state: HostState, g: unknown = globalThis): boolean {
  if (state.kind === "office") return /excel/i.test(state.host) && hasExcelApi(g);
  if (state.kind === "waiting") return false;
  return hasExcelApi(g);
}

const CJK_FONTS = '"Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif';
export const theme: Theme = { ...webLightTheme, fontFamilyBase: `${webLightTheme.fontFamilyBase}, ${CJK_FONTS}` };

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    boxSizing: "border-box",
    overflowWrap: "anywhere",
    "& > *": { margin: 0 },
  },
  code: {
    display: "block",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Shown when the pane is opened outside Excel. */
function NotInExcel({ state, locale }: { state: HostState; locale: Locale }) {
  const s = useStyles();
  return (
    <main className={s.page}>
      <Title3 as="h1">{paneText(locale, "appName")}</Title3>
      {state.kind === "waiting" ? (
        <Spinner size="small" label={paneText(locale, "connecting")} />
      ) : (
        <>
          <Body1 as="p">{paneText(locale, "notInExcel")}</Body1>
          <Body1 as="p">{paneText(locale, "notInExcelBody")}</Body1>
          <code className={s.code}>npm run --silent cli -- check 文件.xlsx|文件夹 [--format text|json] [--out 标注.xlsx]</code>
        </>
      )}
      <Caption1 data-testid="host-state" data-state={state.kind} className={s.muted}>
        {state.kind === "office" ? state.host : state.kind}
      </Caption1>
    </main>
  );
}

/**
 * The built-in indicator library's search index, for the nonstandard-wording rule. A dynamic import:
 * webpack puts the library (its data is most of it) in a chunk of its own that the pane loads after
 * its first render and detection (PaneController.start), so it is not part of the initial JavaScript.
 */
export function loadBuiltinLibrary(): Promise<unknown> {
  return import(/* webpackChunkName: "library" */ "../core/library/builtin-index").then((m) => m.builtinSearchIndex());
}

export function App({
  initialState,
  makePort,
  loadLibrary = loadBuiltinLibrary,
}: {
  initialState?: HostState;
  makePort?: () => WorkbookPort;
  /** Loads the library index of the rules (null: none, the nonstandard-wording rule stays silent). */
  loadLibrary?: (() => Promise<unknown>) | null;
}) {
  const [hostState, setHostState] = useState<HostState>(initialState ?? { kind: "waiting" });
  useEffect(() => (initialState ? undefined : watchOfficeHost(setHostState)), [initialState]);
  const run = shouldRun(hostState);
  const { port, portError } = useMemo((): { port: WorkbookPort | null; portError: string | null } => {
    if (!run) return { port: null, portError: null };
    try {
      return { port: makePort ? makePort() : new OfficeWorkbook(), portError: null };
    } catch (e) {
      return { port: null, portError: e instanceof Error ? e.message : String(e) };
    }
  }, [run, makePort]);
  // Office.context.displayLanguage is known once Office is ready (read again on every state change).
  const locale = localeFromDisplayLanguage(officeDisplayLanguage());
  // The self-test runs the contract suite in the page's Excel (makePort: tests that bring their own port get none).
  const options = useMemo(
    (): ControllerOptions => ({ ...(loadLibrary ? { loadLibraryIndex: loadLibrary } : {}), ...(makePort ? {} : { selfTest: officeSelfTest() }) }),
    [loadLibrary, makePort],
  );
  return (
    <FluentProvider theme={theme} lang={locale}>
      {port ? (
        <TaskPane port={port} locale={locale} options={options} />
      ) : (
        <>
          <NotInExcel state={hostState} locale={locale} />
          {portError && <Caption1 role="alert">{portError}</Caption1>}
        </>
      )}
    </FluentProvider>
  );
}

const container = typeof document === "undefined" ? null : document.getElementById("container");
if (container) createRoot(container).render(<App />);
