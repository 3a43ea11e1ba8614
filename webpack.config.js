// Builds the task pane (dist/taskpane.html + taskpane.js), the browser workbench (dist/workbench.html:
// workbench.js — the in-memory Excel and its grid — then the same taskpane.js) and copies the icons
// and the manifest. workbench.html never loads office.js: workbench.js provides Excel and Office.
//
//   npm run build        production: office.js from Microsoft's CDN; dist/manifest.xml gets its
//                        URLs rebased on ADDIN_PUBLIC_URL (default https://localhost:3000/)
//   npm run build:dev    development: office.js and o15apptofilemappingtable.js copied next to
//                        taskpane.html (office.js needs both to resolve Office.onReady outside Office)
//   webpack serve --mode development              http://127.0.0.1:3000 (local harness, tests)
//   webpack serve --mode development --env https  https://localhost:3000 with office-addin-dev-certs
//                                                 (what Excel needs for a sideloaded add-in)
//
// Type checking is a separate step (`npm run typecheck`); ts-loader only transpiles here.
"use strict";
const path = require("path");

/** The base URL every URL in manifest.xml is written against. */
const DEV_BASE_URL = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const DEV_PORT = 3000;

/**
 * Checks and normalises a public base URL: https only, no query or fragment, ends with "/".
 * @param {string} url
 * @returns {string}
 */
function normalizePublicUrl(url) {
  let parsed;
  try {
    parsed = new URL(String(url).trim());
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL is not a valid URL: "${url}"`);
  }
  if (parsed.protocol !== "https:") {
    throw new Error(`ADDIN_PUBLIC_URL must use https (Office loads add-ins only over https): "${url}"`);
  }
  if (parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new Error(`ADDIN_PUBLIC_URL must be a plain base URL without query, fragment or credentials: "${url}"`);
  }
  if (!parsed.pathname.endsWith("/")) parsed.pathname += "/";
  return parsed.href;
}

function escapeXml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]);
}

/**
 * Rebases a manifest written against https://localhost:3000/ on `publicUrl`: every
 * "https://localhost:3000/…" becomes "<publicUrl>…" and a bare origin (AppDomain) becomes the
 * public origin. Pure; throws when the URL is not https or when the manifest holds no URL to
 * replace, and checks that no development URL is left behind.
 * @param {string} xml manifest text
 * @param {string} publicUrl e.g. "https://addins.example.gov.cn/jixiao/"
 * @returns {string}
 */
function substituteBaseUrl(xml, publicUrl) {
  const base = normalizePublicUrl(publicUrl);
  if (!xml.includes(DEV_BASE_URL)) {
    throw new Error(`manifest.xml contains no ${DEV_BASE_URL} URL to rebase`);
  }
  if (base === DEV_BASE_URL) return xml;
  const origin = new URL(base).origin;
  const out = xml.split(DEV_BASE_URL).join(escapeXml(base)).split(DEV_ORIGIN).join(escapeXml(origin));
  if (out.includes("localhost:3000") && !origin.includes("localhost:3000")) {
    throw new Error("manifest.xml still refers to localhost:3000 after rebasing");
  }
  return out;
}

/** The public base URL of a production build: ADDIN_PUBLIC_URL or the development base. */
function resolvePublicUrl(environment = process.env) {
  return normalizePublicUrl(environment.ADDIN_PUBLIC_URL || DEV_BASE_URL);
}

/** Every chunk the entry can load: its initial chunks, then the lazy ones (dynamic imports), each once. */
function entryChunks(compilation, entry) {
  const ep = compilation.entrypoints.get(entry);
  if (!ep) return { initial: [], lazy: [] };
  const initial = [...ep.chunks];
  const lazy = new Set();
  for (const c of initial) for (const a of c.getAllAsyncChunks()) if (!initial.includes(a)) lazy.add(a);
  return { initial, lazy: [...lazy] };
}

/**
 * Fails the build when the task pane's bundle (its initial or its lazy chunks) needs ExcelJS: it is
 * an external that only workbench.html provides (exceljs.min.js), so in Excel it would be missing.
 */
class ExcelJsStaysOutOfTheTaskPane {
  apply(compiler) {
    compiler.hooks.afterCompile.tap("ExcelJsStaysOutOfTheTaskPane", (compilation) => {
      const { initial, lazy } = entryChunks(compilation, "taskpane");
      for (const chunk of [...initial, ...lazy]) {
        for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
          if (m.constructor.name === "ExternalModule" && m.userRequest === "exceljs") {
            compilation.errors.push(new Error("taskpane.js imports exceljs, which only the workbench provides (see webpack.config.js externals)"));
          }
        }
      }
    });
  }
}

/** Modules of the indicator library (src/core/library and pinyin-pro). */
const LIBRARY_MODULE = /[\\/](src[\\/]core[\\/]library|node_modules[\\/]pinyin-pro)[\\/]/;

/**
 * Writes bundle-stats.json next to the bundles: the task pane's initial JS files (what taskpane.html
 * loads, in order) and its lazy chunks, each with its name and how many of its modules belong to the
 * indicator library. `npm run bench` (section "bundle") reads it and measures the files' sizes itself.
 */
class TaskPaneBundleStats {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("TaskPaneBundleStats", (compilation) => {
      const { Compilation, sources } = compiler.webpack;
      compilation.hooks.processAssets.tap({ name: "TaskPaneBundleStats", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const { initial, lazy } = entryChunks(compilation, "taskpane");
        const describe = (chunk) => {
          let modules = 0;
          let library = 0;
          for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            // A concatenated module stands for several source modules.
            for (const inner of m.modules ? [...m.modules] : [m]) {
              modules++;
              if (LIBRARY_MODULE.test(inner.resource || inner.identifier())) library++;
            }
          }
          return { name: chunk.name ?? null, files: [...chunk.files].filter((f) => f.endsWith(".js")), modules, libraryModules: library };
        };
        const stats = { entry: "taskpane", initial: initial.map(describe), lazy: lazy.map(describe) };
        compilation.emitAsset("bundle-stats.json", new sources.RawSource(JSON.stringify(stats, null, 2) + "\n"));
      });
    });
  }
}

async function config(env = {}, argv = {}) {
  // Plugins are required here, not at the top, so that tests can load the pure helpers cheaply.
  const HtmlWebpackPlugin = require("html-webpack-plugin");
  const CopyWebpackPlugin = require("copy-webpack-plugin");
  const dev = argv.mode !== "production";
  const publicUrl = dev ? DEV_BASE_URL : resolvePublicUrl();

  const copyPatterns = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: dev ? undefined : (content) => substituteBaseUrl(content.toString("utf8"), publicUrl),
    },
  ];
  if (dev) {
    // Local office.js for the browser harness; copied as is (no terser) thanks to `minimized`.
    for (const file of ["office.js", "o15apptofilemappingtable.js"]) {
      copyPatterns.push({ from: `node_modules/@microsoft/office-js/dist/${file}`, to: file, info: { minimized: true } });
    }
  }

  // ExcelJS (workbench only) is loaded from its own prebuilt browser bundle instead of being bundled:
  // re-minifying its 1 MB with terser tripled the production build time.
  copyPatterns.push({ from: "node_modules/exceljs/dist/exceljs.min.js", to: "exceljs.min.js", info: { minimized: true } });

  let server = "http";
  if (env.https) {
    const devCerts = require("office-addin-dev-certs");
    server = { type: "https", options: await devCerts.getHttpsServerOptions() };
  }

  return {
    mode: dev ? "development" : "production",
    entry: { taskpane: "./src/taskpane/index.tsx", workbench: "./src/workbench/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Lazy chunks (the 支出计划 and 指标库 tabs, the library data): named, hashed in production so
      // that a cached old chunk is never mixed with a new taskpane.js.
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      // Chunks load relative to the script that asks for them (taskpane.js in dist/, for
      // taskpane.html in Office as for workbench.html), whatever URL dist/ is served from.
      publicPath: "auto",
      clean: true,
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // What of the indicator library the task pane needs at once (the nonstandard-wording rule's
          // code; its data is lazy) in a file of its own, so that its share of the initial JS is seen.
          taskpaneLibrary: {
            test: LIBRARY_MODULE,
            chunks: (chunk) => chunk.name === "taskpane",
            name: "taskpane-library",
            enforce: true,
          },
        },
      },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    // `import ExcelJS from "exceljs"` in the workbench → the global that exceljs.min.js defines.
    externals: { exceljs: "ExcelJS" },
    devtool: dev ? "source-map" : false,
    // Development builds (npm start, browser tests) keep a persistent cache: a rebuild takes seconds.
    cache: dev ? { type: "filesystem", buildDependencies: { config: [__filename] } } : false,
    module: {
      rules: [
        {
          // Modules that declare zod schemas (and re-export zod-free constants and helpers) have no
          // side effects: webpack drops them, and zod with them, from bundles that use only those
          // re-exports and the schemas' types — the task pane's initial JavaScript.
          test: /[\\/]src[\\/]core[\\/](model[\\/]schema|layout[\\/]types|grid[\\/]cellgrid-schema|value[\\/]types|library[\\/]schema)\.ts$/,
          sideEffects: false,
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: dev } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJsUrl: dev ? "office.js" : OFFICE_JS_CDN },
      }),
      // The workbench: workbench.js MUST run before taskpane.js (it installs window.Excel/Office).
      new HtmlWebpackPlugin({
        filename: "workbench.html",
        template: "./src/workbench/workbench.html",
        chunks: ["workbench", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
      }),
      ...(dev
        ? [
            // `webpack serve` and `npm start`: the site root opens the workbench.
            new HtmlWebpackPlugin({
              filename: "index.html",
              inject: false,
              templateContent:
                '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=workbench.html">' +
                '<title>绩效目标助手</title><a href="workbench.html">workbench.html</a>',
            }),
          ]
        : []),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
      new ExcelJsStaysOutOfTheTaskPane(),
      ...(dev ? [] : [new TaskPaneBundleStats()]),
    ],
    performance: { hints: false },
    devServer: {
      host: env.https ? "localhost" : "127.0.0.1",
      port: DEV_PORT,
      server,
      headers: { "Access-Control-Allow-Origin": "*" },
      hot: false,
      client: { overlay: false },
    },
  };
}

module.exports = config;
module.exports.DEV_BASE_URL = DEV_BASE_URL;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.normalizePublicUrl = normalizePublicUrl;
module.exports.substituteBaseUrl = substituteBaseUrl;
module.exports.resolvePublicUrl = resolvePublicUrl;
