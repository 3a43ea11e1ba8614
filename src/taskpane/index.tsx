// Task pane entry. In this build the pane is a placeholder that says so honestly; the reviewer is
// available as a command-line tool. It renders at once and never waits on Office.onReady, which
// stays pending forever outside Office when office.js cannot finish loading.
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import {
  Body1,
  Caption1,
  FluentProvider,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";

/** Where the pane runs, as far as office.js can tell. */
export type HostState =
  | { kind: "waiting" } // office.js present, Office.onReady not settled yet
  | { kind: "office"; host: string } // inside an Office application (e.g. "Excel")
  | { kind: "standalone" } // office.js loaded but not inside Office, or onReady never settled
  | { kind: "no-office-js" }; // office.js did not load (offline, CDN blocked)

interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
}

/**
 * Reports the host state to `onChange`: once synchronously, then when Office.onReady settles or
 * after `timeoutMs` without an answer. Returns a function that stops the reports.
 */
export function watchOfficeHost(
  onChange: (state: HostState) => void,
  office: OfficeLike | undefined = typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike),
  timeoutMs = 5000,
): () => void {
  if (!office || typeof office.onReady !== "function") {
    onChange({ kind: "no-office-js" });
    return () => {};
  }
  let done = false;
  const settle = (state: HostState) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    onChange(state);
  };
  onChange({ kind: "waiting" });
  const timer = setTimeout(() => settle({ kind: "standalone" }), timeoutMs);
  office.onReady().then(
    (info) => settle(info && info.host ? { kind: "office", host: String(info.host) } : { kind: "standalone" }),
    () => settle({ kind: "standalone" }),
  );
  return () => {
    done = true;
    clearTimeout(timer);
  };
}

const CJK_FONTS = '"Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif';
export const theme: Theme = { ...webLightTheme, fontFamilyBase: `${webLightTheme.fontFamilyBase}, ${CJK_FONTS}` };

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
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

const HOST_TEXT: Record<HostState["kind"], string> = {
  waiting: "正在连接 Office… / Connecting to Office…",
  office: "已在 Office 中运行 / Running in Office",
  standalone: "未在 Office 中运行（浏览器模式） / Not running in Office (browser mode)",
  "no-office-js": "Office.js 未加载（浏览器模式） / Office.js not loaded (browser mode)",
};

export function App({ initialState }: { initialState?: HostState }) {
  const styles = useStyles();
  const [hostState, setHostState] = useState<HostState>(initialState ?? { kind: "waiting" });
  useEffect(() => (initialState ? undefined : watchOfficeHost(setHostState)), [initialState]);
  return (
    <FluentProvider theme={theme}>
      <main className={styles.page}>
        <Title2 as="h1">绩效目标助手</Title2>
        <Caption1 className={styles.muted}>Performance Target Assistant</Caption1>
        <Subtitle2 as="h2">任务窗格建设中 / Task pane under construction</Subtitle2>
        <Body1 as="p">
          本版本的任务窗格尚未完成，暂不能在 Excel 中检查表格。项目支出绩效目标表的审核功能已可通过命令行使用：
        </Body1>
        <code className={styles.code}>npm run --silent cli -- check 文件.xlsx|文件夹 [--format text|json] [--out 标注.xlsx]</code>
        <Body1 as="p" className={styles.muted}>
          The task pane is not finished in this build. The reviewer for performance-target tables is available
          from the command line (bin <code>jixiao</code>).
        </Body1>
        <Caption1 data-testid="host-state" data-state={hostState.kind} className={styles.muted}>
          {HOST_TEXT[hostState.kind]}
          {hostState.kind === "office" ? `: ${hostState.host}` : ""}
        </Caption1>
      </main>
    </FluentProvider>
  );
}

const container = typeof document === "undefined" ? null : document.getElementById("container");
if (container) createRoot(container).render(<App />);
