/** @jest-environment jsdom */
/** A lazy tab: a spinner while its chunk loads, the tab when it has, a message when it cannot load. */
import { lazy } from "react";
import { render, screen } from "@testing-library/react";
import { LazyTab } from "../../src/taskpane/components/LazyTab";
import { LocaleContext } from "../../src/taskpane/i18n";

test("shows the tab once its chunk has loaded", async () => {
  const Tab = lazy(() => Promise.resolve({ default: () => <p data-testid="tab">表格</p> }));
  render(
    <LazyTab label="加载中">
      <Tab />
    </LazyTab>,
  );
  expect((await screen.findByTestId("tab")).textContent).toBe("表格");
});

test.each([
  ["zh-CN", "此页未能加载", "重新加载"],
  ["en", "This tab could not be loaded", "Reload"],
] as const)("a chunk that fails to load: a message in %s instead of a blank pane", async (locale, text, button) => {
  const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    const Tab = lazy((): Promise<{ default: () => null }> => Promise.reject(new Error("Loading chunk 548 failed")));
    render(
      <LocaleContext.Provider value={locale}>
        <LazyTab>
          <Tab />
        </LazyTab>
      </LocaleContext.Provider>,
    );
    const bar = await screen.findByTestId("tab-load-failed");
    expect(bar.textContent).toContain(text);
    expect(bar.textContent).toContain("Loading chunk 548 failed");
    expect(screen.getByRole("button", { name: button })).toBeTruthy();
  } finally {
    errors.mockRestore();
  }
});
