/**
 * Browser figures for `npm run bench` (section "pane"): the task pane's time to interactive in
 * Chromium, measured on a production build served on 127.0.0.1 (port 0) and driven by playwright-core.
 * Browser discovery, the static server and the launch options are those of the browser tests
 * (test/browser/harness.ts); nothing is copied here.
 *
 * TTI = navigation start → the pane's issue list rendered (`#container li[data-rule]`) AND a button
 * responding: as soon as the list appears, a task is queued that clicks the pane's 表格 tab
 * (`[data-tab="tables"]`); the moment that tab reports aria-selected="true" is the TTI. Everything is
 * timed inside the page with performance.now() (its origin is the navigation start), so no
 * round trip to the browser process is counted. The page is the workbench (workbench.html: the
 * in-memory Excel with the built-in sample, and the real taskpane.js beside it); taskpane.html on its
 * own needs office.js from Microsoft's CDN and Excel, which a bench machine does not have.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findBrowser, launch, serveDir } from "../test/browser/harness";

/** The project root: the nearest folder above this bundle (lib/ or scripts/) holding webpack.config.js. */
export const ROOT = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "webpack.config.js"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, "..");
  }
})();

export interface ProductionBuild {
  dir: string;
  /** Wall time of the webpack build (0 when an existing directory was given). */
  ms: number;
  /** True when the directory was built here (and is removed by cleanup()). */
  built: boolean;
  cleanup(): void;
}

let buildOnce: Promise<ProductionBuild> | null = null;

/**
 * A production build (`webpack --mode production`, the same config as `npm run build`) written to a
 * fresh temporary directory, so that dist/ (the development build of the browser tests) is left
 * alone. Built at most once per process: other bench sections that need the production files (the
 * bundle size) can await the same promise. `existing` uses a directory built before (e.g. dist/
 * after `npm run build`) and builds nothing.
 */
export function productionBuild(existing?: string): Promise<ProductionBuild> {
  if (existing) {
    const dir = path.resolve(existing);
    if (!existsSync(path.join(dir, "workbench.html")) || !existsSync(path.join(dir, "taskpane.js"))) {
      return Promise.reject(new Error(`${dir} holds no workbench.html/taskpane.js (run \`npm run build\` or drop --dist)`));
    }
    return Promise.resolve({ dir, ms: 0, built: false, cleanup: () => undefined });
  }
  buildOnce ??= (async () => {
    // Required at run time (packages stay external in lib/bench.js): webpack and the project's config.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const webpack = require("webpack") as typeof import("webpack");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const configure = require(path.join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Promise<import("webpack").Configuration>;
    const dir = mkdtempSync(path.join(os.tmpdir(), "jixiao-prod-"));
    const cwd = process.cwd();
    process.chdir(ROOT); // the config's entries and copy patterns are relative to the project
    try {
      const config = await configure({}, { mode: "production" });
      config.output = { ...config.output, path: dir };
      const t0 = performance.now();
      const compiler = webpack(config);
      const stats = await new Promise<import("webpack").Stats>((resolve, reject) =>
        compiler.run((err, s) => (err || !s ? reject(err ?? new Error("webpack gave no stats")) : resolve(s))),
      );
      await new Promise<void>((resolve) => compiler.close(() => resolve()));
      const ms = performance.now() - t0;
      if (stats.hasErrors()) {
        const errors = stats.toJson({ all: false, errors: true }).errors ?? [];
        throw new Error(`production build failed:\n${errors.map((e) => e.message).join("\n")}`);
      }
      return { dir, ms, built: true, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      throw e;
    } finally {
      process.chdir(cwd);
    }
  })();
  return buildOnce;
}

/** Removes the temporary production build, if one was made (then the next productionBuild() builds again). */
export async function cleanupProductionBuild(): Promise<void> {
  const pending = buildOnce;
  buildOnce = null;
  if (pending) await pending.then((b) => b.cleanup(), () => undefined);
}

/** What the page records (ms since navigation start). */
export interface TtiRun {
  /** First contentful paint. */
  fcpMs: number | null;
  domContentLoadedMs: number;
  /** The pane's issue list in the DOM. */
  issueListMs: number;
  /** The 表格 tab answered the click queued right after the list appeared: the TTI. */
  ttiMs: number;
  /** From the queued click to the tab's response. */
  clickToResponseMs: number;
  issuesListed: number;
  consoleErrors: string[];
}

export type TtiResult =
  | { skipped: true; reason: string }
  | {
      skipped: false;
      browser: string;
      version: string;
      page: string;
      build: { ms: number; built: boolean };
      runs: TtiRun[];
    };

/** Installed in the page before any of its scripts (addInitScript): watches for the list, clicks, times. */
const PROBE = `(() => {
  const r = { list: null, click: null, responded: null, issues: 0, error: null };
  window.__benchTti = r;
  const tab = () => document.querySelector('#container [data-tab="tables"]');
  const check = () => {
    if (r.list === null) {
      if (!document.querySelector('#container li[data-rule]')) return;
      r.list = performance.now();
      r.issues = document.querySelectorAll('#container li[data-rule]').length;
      setTimeout(() => {
        const t = tab();
        if (!t) { r.error = 'no [data-tab="tables"] button in the pane'; return; }
        r.click = performance.now();
        t.click();
        check();
      }, 0);
    } else if (r.click !== null && r.responded === null) {
      const t = tab();
      if (t && t.getAttribute('aria-selected') === 'true') { r.responded = performance.now(); obs.disconnect(); }
    }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-selected', 'data-rule'] });
})();`;

/** "Chromium 120.0.6099.224 built on Debian" → "120.0.6099.224" (or "?"). */
function browserVersion(executable: string): string {
  try {
    const out = execFileSync(executable, ["--version"], { encoding: "utf8", timeout: 10_000, stdio: ["ignore", "pipe", "ignore"] });
    return /(\d+\.\d+\.\d+\.\d+)/.exec(out)?.[1] ?? "?";
  } catch {
    return "?";
  }
}

interface Probe {
  list: number | null;
  click: number | null;
  responded: number | null;
  issues: number;
  error: string | null;
}

/**
 * Loads `page` (default workbench.html) of the production build `runs` times, each in a new tab of
 * one fresh browser profile (the server sends no-store, so nothing is cached between runs).
 * Returns { skipped } when no browser is installed (CHROME_PATH or the usual paths).
 */
export async function measureTti(opts: { runs?: number; dist?: string; page?: string; timeoutMs?: number } = {}): Promise<TtiResult> {
  const browserPath = findBrowser();
  if (!browserPath) return { skipped: true, reason: "no Chromium/Chrome found (set CHROME_PATH or apt-get install chromium)" };
  const runs = opts.runs ?? 3;
  const pageName = opts.page ?? "workbench.html";
  const timeout = opts.timeoutMs ?? 60_000;
  const build = await productionBuild(opts.dist);
  const server = await serveDir(build.dir);
  const browser = await launch(browserPath);
  try {
    let version = browserVersion(browserPath);
    const out: TtiRun[] = [];
    // One unmeasured load first: starts the renderer and the GPU/network processes of the profile.
    for (let i = 0; i <= runs; i++) {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
      await page.addInitScript(PROBE);
      await page.goto(`${server.url}/${pageName}`, { waitUntil: "commit" });
      await page.waitForFunction(
        () => {
          const r = (window as unknown as { __benchTti?: Probe }).__benchTti;
          return !!r && (r.responded !== null || r.error !== null);
        },
        undefined,
        { timeout, polling: 50 },
      );
      if (i === 0 && version === "?") version = (/Chrom\w*\/([\d.]+)/.exec(await page.evaluate(() => navigator.userAgent)) ?? [])[1] ?? "?";
      const r = await page.evaluate(() => {
        const p = (window as unknown as { __benchTti: Probe }).__benchTti;
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
        const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        return { ...p, dcl: nav ? nav.domContentLoadedEventEnd : -1, fcp: fcp ? fcp.startTime : null };
      });
      await page.close();
      if (r.error) throw new Error(`TTI probe: ${r.error}`);
      if (i === 0) continue;
      out.push({
        fcpMs: r.fcp,
        domContentLoadedMs: r.dcl,
        issueListMs: r.list!,
        ttiMs: r.responded!,
        clickToResponseMs: r.responded! - r.click!,
        issuesListed: r.issues,
        consoleErrors: errors,
      });
    }
    return { skipped: false, browser: browserPath, version, page: pageName, build: { ms: build.ms, built: build.built }, runs: out };
  } finally {
    await browser.close();
    await server.close();
  }
}
