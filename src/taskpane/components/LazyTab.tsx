import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from "@fluentui/react-components";
import { Component, Suspense, type ReactNode } from "react";
import type { Locale } from "../../core/messages";
import { pick, useLocale } from "../i18n";

const FAILED = {
  zh: "此页未能加载（网络中断，或加载项已更新）。重新加载任务窗格后再试。",
  en: "This tab could not be loaded (the network failed, or the add-in was updated). Reload the pane and try again.",
};
const RELOAD = { zh: "重新加载", en: "Reload" };

class Boundary extends Component<{ locale: Locale; children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(e: unknown): { error: string } {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  override render(): ReactNode {
    const { locale } = this.props;
    if (this.state.error === null) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline" data-testid="tab-load-failed">
        <MessageBarBody>{`${pick(locale, FAILED)} (${this.state.error})`}</MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => window.location.reload()}>
            {pick(locale, RELOAD)}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}

/**
 * A tab loaded on first use (React.lazy, a chunk of its own): a spinner while its chunk loads, and a
 * message instead of a blank pane when the chunk cannot be loaded (offline, or a new version of the
 * add-in replaced the chunks the open pane knows).
 */
export function LazyTab({ children, label }: { children: ReactNode; label?: string }) {
  const locale = useLocale();
  return (
    <Boundary locale={locale}>
      <Suspense fallback={<Spinner size="small" label={label} />}>{children}</Suspense>
    </Boundary>
  );
}
