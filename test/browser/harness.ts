/**
 * Shared machinery of the browser tests: find an installed Chromium/Chrome, build dist/ once
 * (development; skipped when dist is newer than its sources), serve it on 127.0.0.1 (port 0) and
 * launch playwright-core with a fresh profile. Node only; no network.
 */
import { execFile } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
/**
 * How long a browser test waits for a state (a cell's fill, an issue listed, a tab shown) before it
 * fails: generous, because the tests assert what happens, never how fast; a busy machine is slower.
 * It is every page's default timeout (launch) and the helpers' limit. Timings are `npm run bench`'s.
 */
export const WAIT_MS = 30_000;
/** A browser test's own limit (jest): room for several waits on a busy machine. */
export const TEST_TIMEOUT_MS = 180_000;
export const DIST = path.join(ROOT, "dist");
export const RESULTS = path.join(ROOT, "test-results");

export const INSTALL_HELP = [
  "No Chromium or Chrome found for the browser tests. / 未找到可用于浏览器测试的 Chromium 或 Chrome。",
  "  Debian/Ubuntu:  apt-get install -y chromium fonts-wqy-microhei",
  "  or point CHROME_PATH at a Chrome/Chromium/Edge executable:  CHROME_PATH=/path/to/chrome npm test",
  "  (fonts-wqy-microhei is needed for readable Chinese in the screenshots.)",
].join("\n");

/** Usual install locations of Chromium-based browsers, by platform. */
export function browserCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  if (platform === "win32") {
    const bases = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter((b): b is string => !!b);
    return bases.flatMap((b) => [
      path.join(b, "Google", "Chrome", "Application", "chrome.exe"),
      path.join(b, "Chromium", "Application", "chrome.exe"),
      path.join(b, "Microsoft", "Edge", "Application", "msedge.exe"),
    ]);
  }
  if (platform === "darwin") {
    return [
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
  }
  return [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/usr/bin/microsoft-edge",
    "/snap/bin/chromium",
    "/opt/google/chrome/chrome",
  ];
}

/** CHROME_PATH when set (it must exist), else the first usual path that exists; null when none. */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  exists: (p: string) => boolean = existsSync,
  platform: NodeJS.Platform = process.platform,
): string | null {
  if (env.CHROME_PATH) return exists(env.CHROME_PATH) ? env.CHROME_PATH : null;
  return browserCandidates(env, platform).find((p) => exists(p)) ?? null;
}

// --- build ---------------------------------------------------------------------------------------

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/** dist/ holds a workbench and a task pane built after the last change to their sources. */
export function distIsFresh(): boolean {
  const outputs = ["workbench.html", "workbench.js", "taskpane.js", "taskpane.html"].map((f) => path.join(DIST, f));
  if (!outputs.every((f) => existsSync(f))) return false;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const inputs = ["src", "assets", "webpack.config.js", "package.json", "manifest.xml"].map((p) => path.join(ROOT, p));
  return inputs.every((p) => !existsSync(p) || newestMtime(p) <= built);
}

/** Builds dist/ (development) unless it is fresh; one build at a time across jest workers. */
export async function ensureDist(): Promise<{ built: boolean; ms: number }> {
  const started = Date.now();
  const lock = path.join(ROOT, "node_modules", ".cache", "jixiao-browser-build.lock");
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker builds; a lock older than 3 minutes is stale.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (distIsFresh()) return { built: false, ms: Date.now() - started };
    await new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        [path.join(ROOT, "scripts", "start.mjs"), "--build"],
        { cwd: ROOT, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 },
        (err, stdout, stderr) => (err ? reject(new Error(`build failed:\n${stdout}\n${stderr}`)) : resolve()),
      );
    });
    return { built: true, ms: Date.now() - started };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

// --- static server --------------------------------------------------------------------------------

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

export async function serveDir(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const base = path.resolve(dir);
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    if (pathname === "/") {
      res.writeHead(302, { Location: "/workbench.html" }).end();
      return;
    }
    const file = path.resolve(base, "." + pathname);
    if (!file.startsWith(base + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": MIME[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// --- browser ----------------------------------------------------------------------------------------

export const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launch(executablePath: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  // Required lazily: a machine without playwright-core still runs (and skips) this suite.
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(path.join(os.tmpdir(), "jixiao-pw-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: LAUNCH_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: "zh-CN",
  });
  context.setDefaultTimeout(WAIT_MS);
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function resultsPath(name: string): string {
  mkdirSync(RESULTS, { recursive: true });
  return path.join(RESULTS, name);
}

/** One browser session on the workbench: dist built and served, Chromium launched, the sample open. */
export interface WorkbenchSession {
  page: Page;
  /** The static server's base URL (http://127.0.0.1:port). */
  url: string;
  /** The browser context, for extra pages. */
  context: BrowserContext;
  /** Console errors and uncaught page errors, as they happen. */
  consoleErrors: string[];
  /** Every URL the page requested (to assert nothing leaves 127.0.0.1). */
  requests: string[];
  timings: Record<string, number>;
  close(): Promise<void>;
}

export async function openWorkbench(executablePath: string): Promise<WorkbenchSession> {
  const timings: Record<string, number> = {};
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const t0 = Date.now();
  const build = await ensureDist();
  timings[build.built ? "build dist (development)" : "dist up to date"] = build.ms;
  const server = await serveDir(DIST);
  const t1 = Date.now();
  const browser = await launch(executablePath);
  timings["launch Chromium"] = Date.now() - t1;
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  const t2 = Date.now();
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => (window as unknown as { __workbench?: { ready?: boolean } }).__workbench?.ready === true);
  timings["page load → grid ready"] = Date.now() - t2;
  timings["beforeAll total"] = Date.now() - t0;
  return {
    page,
    url: server.url,
    context: browser.context,
    consoleErrors,
    requests,
    timings,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The browser tests' preamble, shared: the Chromium to drive (null when none is installed), and
 * `describe` or `describe.skip` accordingly. Without a browser the run says how to install one and
 * skips — except with CI=true, where a failing test stands in for the suite.
 */
export function browserSuite(): { browserPath: string | null; suite: jest.Describe } {
  const browserPath = findBrowser();
  const ci = process.env.CI === "true";
  if (!browserPath) {
    console.warn(`${INSTALL_HELP}\n${ci ? "CI=true: failing." : "Skipping the browser tests."}`);
    if (ci) {
      test("an installed Chromium or Chrome (required with CI=true)", () => {
        throw new Error(INSTALL_HELP);
      });
    }
  }
  jest.setTimeout(TEST_TIMEOUT_MS);
  return { browserPath, suite: browserPath ? describe : describe.skip };
}
