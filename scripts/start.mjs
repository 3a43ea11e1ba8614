// `npm start`: builds the add-in in development mode (webpack's Node API, watching src/) and serves
// dist/ over http on 127.0.0.1:3000. The site root opens the browser workbench: the real task pane
// beside an editable grid over an in-memory Excel, with the built-in sample workbook.
//
//   node scripts/start.mjs                 build, watch, serve on http://127.0.0.1:3000/
//   node scripts/start.mjs --port 3001     another port (or PORT=3001)
//   node scripts/start.mjs --no-watch      build once, then serve
//   node scripts/start.mjs --build         build once (development) and exit; used by the browser tests
//
// Ctrl+C stops the watcher and the server. To sideload into desktop Excel (Windows/macOS) use
// `npm run start:desktop` (office-addin-debugging, https://localhost:3000 via `npm run dev-server`).
import { createServer } from "node:http";
import { createReadStream, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const distDir = path.join(root, "dist");

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const host = option("--host") ?? "127.0.0.1";
const port = Number(option("--port") ?? process.env.PORT ?? 3000);
const buildOnly = flag("--build");
const watch = !buildOnly && !flag("--no-watch");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** A static file server over `dir` (GET/HEAD only, no directory listings, "/" → workbench.html). */
export function createStaticServer(dir) {
  const base = path.resolve(dir);
  return createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname === "/" || pathname === "/index.html") {
      res.writeHead(302, { Location: "/workbench.html" }).end();
      return;
    }
    const file = path.resolve(base, "." + pathname);
    if (!file.startsWith(base + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`404 Not Found: ${pathname}`);
      return;
    }
    res.writeHead(200, {
      "Content-Type": MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "Cache-Control": "no-store",
      "Access-Control-Allow-Origin": "*",
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
}

function summary(stats) {
  const info = stats.toJson({ all: false, errors: true, warnings: true, timings: true });
  return info;
}

async function makeCompiler() {
  const webpack = require("webpack");
  const configure = require(path.join(root, "webpack.config.js"));
  const config = await configure({}, { mode: "development" });
  return webpack(config);
}

function printErrors(info) {
  for (const e of info.errors ?? []) console.error(typeof e === "string" ? e : `${e.moduleName ?? ""}\n${e.message}`);
}

async function buildOnce() {
  const compiler = await makeCompiler();
  const started = Date.now();
  const stats = await new Promise((resolve, reject) => compiler.run((err, s) => (err ? reject(err) : resolve(s))));
  await new Promise((resolve) => compiler.close(resolve));
  const info = summary(stats);
  if (stats.hasErrors()) {
    printErrors(info);
    console.error(`构建失败 / build failed (${Date.now() - started} ms)`);
    process.exit(1);
  }
  console.log(`已构建 dist/ / built dist/ (development, ${Date.now() - started} ms)`);
}

async function serve() {
  const server = createStaticServer(distDir);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  }).catch((e) => {
    if (e.code === "EADDRINUSE") {
      console.error(`端口 ${port} 已被占用 / port ${port} is in use: stop the other server or run \`npm start -- --port 3001\`.`);
    } else console.error(e);
    process.exit(1);
  });
  return server;
}

async function main() {
  if (buildOnly) return buildOnce();

  const started = Date.now();
  console.log("绩效目标助手 — 正在构建工作台（开发模式）… / building the workbench (development)…");
  const compiler = await makeCompiler();
  let server = null;
  let watching = null;

  const announce = () => {
    const url = `http://${host}:${port}/workbench.html`;
    console.log(`\n  工作台 / Workbench:  ${url}`);
    console.log(`  任务窗格（Excel 中使用）/ Task pane for Excel: http://${host}:${port}/taskpane.html`);
    console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s${watch ? "；修改 src/ 后自动重新构建 / rebuilds on change" : ""}；Ctrl+C 停止 / to stop)\n`);
    if (process.platform === "win32" || process.platform === "darwin") {
      console.log("  在桌面版 Excel 中旁加载：npm run start:desktop / To sideload into desktop Excel: npm run start:desktop\n");
    }
  };

  const onBuilt = async (err, stats) => {
    if (err) {
      console.error(err);
      if (!watch) process.exit(1);
      return;
    }
    const info = summary(stats);
    if (stats.hasErrors()) {
      printErrors(info);
      console.error("构建失败，等待修改… / build failed, waiting for changes…");
      if (!watch) process.exit(1);
      return;
    }
    if (!server) {
      server = await serve();
      announce();
    } else console.log(`已重新构建 / rebuilt (${info.time ?? "?"} ms)`);
  };

  if (watch) watching = compiler.watch({ aggregateTimeout: 300, ignored: /node_modules|dist|lib|test-results/ }, onBuilt);
  else compiler.run((err, stats) => compiler.close(() => onBuilt(err, stats)));

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log("\n正在停止… / stopping…");
    const closeServer = () => {
      if (!server) process.exit(0);
      server.close(() => process.exit(0));
      server.closeAllConnections?.();
    };
    if (watching) watching.close(closeServer);
    else closeServer();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
