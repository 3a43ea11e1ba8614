// `npm run lint`: typescript-eslint plus the Office add-in rules (load before read, sync after load,
// no context.sync in loops) over the whole of src/, and the boundaries between the parts of src/
// (test/repo/boundaries.test.ts plants a forbidden import in each and expects an error):
//   src/core       the engine: imports only its own modules, zod and pinyin-pro; no React, Office,
//                  ExcelJS, Node or DOM (tsconfig.core.json compiles it without the DOM library too)
//   src/excel      the only code that touches Office.js
//   src/xlsx       ExcelJS → CellGrid, shared by the CLI and the workbench
//   src/cli        the command line; never imports the task pane
//   src/taskpane   the React pane; never imports the CLI nor ExcelJS
//   src/workbench  the browser harness: may use every other part; its memory-excel is the fake Office
// Relative imports are matched by the folder they climb into: parent steps then `excel/…` from anywhere below
// src/core reaches src/excel, as no folder inside src/core has the name of a part of src/.
// Formatting is not linted.
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";

/** An import of one of the parts of src/ (from a file one or more folders below src/). */
const part = (...names) => `^(\\.\\./)+(${names.join("|")})(/|$)`;

const OFFICE_GLOBALS = ["Office", "Excel", "OfficeExtension", "OfficeRuntime"];
const OFFICE_ONLY_IN_EXCEL = "Office.js belongs to src/excel (the workbench's memory-excel fakes it); use the port (src/excel/port.ts).";
const officeGlobals = (message) => OFFICE_GLOBALS.map((name) => ({ name, message }));
const OFFICE_PACKAGES = { regex: "^(@microsoft/office-js|@types/office-js|office-js)(/|$)", message: OFFICE_ONLY_IN_EXCEL };

/**
 * no-restricted-syntax entries for what no-restricted-imports and no-restricted-globals do not see:
 * `import("…")` expressions matching the same patterns, and Office's types (`Excel.Range`).
 * esquery takes a regex up to the first "/", so slashes are written \x2F.
 */
const dynamicImports = (patterns) =>
  patterns.map(({ regex, message }) => ({ selector: `ImportExpression[source.value=/${regex.replaceAll("/", "\\x2F")}/]`, message }));
const OFFICE_TYPES = { selector: `TSQualifiedName[left.name=/^(${OFFICE_GLOBALS.join("|")})$/]`, message: OFFICE_ONLY_IN_EXCEL };
/** The three rules for one folder, from its forbidden import patterns and globals. */
const forbid = (patterns, globals, { officeTypes = true } = {}) => ({
  "no-restricted-imports": ["error", { patterns }],
  "no-restricted-syntax": ["error", ...dynamicImports(patterns), ...(officeTypes ? [OFFICE_TYPES] : [])],
  ...(globals.length ? { "no-restricted-globals": ["error", ...globals] } : {}),
});

const CORE_GLOBALS = [
  ...["window", "document", "navigator", "location", "localStorage", "sessionStorage", "fetch", "XMLHttpRequest", "HTMLElement", "Element", "requestAnimationFrame", "self", "performance"].map(
    (name) => ({ name, message: "src/core uses no DOM API: it runs in the pane, the CLI and workers alike." }),
  ),
  ...["process", "Buffer", "require", "global", "__dirname", "__filename", "setImmediate"].map((name) => ({
    name,
    message: "src/core uses no Node API: it runs in the browser too.",
  })),
  ...["setTimeout", "setInterval"].map((name) => ({ name, message: "src/core is synchronous: timers belong to its callers." })),
  ...officeGlobals("src/core never touches Office.js: src/excel reads the workbook and hands over CellGrids."),
];

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },

  // --- boundaries ------------------------------------------------------------------------------
  // Each block below sets the whole of its rules for its folder (a later block for the same file
  // replaces an earlier one's options), so every folder lists all that it may not import.
  {
    files: ["src/core/**/*.{ts,tsx}"],
    rules: forbid(
      [
        {
          regex: part("excel", "taskpane", "cli", "workbench", "xlsx", "sample"),
          message: "src/core imports nothing from the other parts of src/: they import the engine, not the reverse.",
        },
        {
          // Bare specifiers other than the two pure libraries: React, Fluent UI, ExcelJS, Office, node:*, fs, path, …
          regex: "^(?!\\.|zod$|pinyin-pro$)",
          message: "src/core imports only its own modules, zod and pinyin-pro: no React, Office, ExcelJS or Node.",
        },
      ],
      CORE_GLOBALS,
    ),
  },
  {
    files: ["src/cli/**/*.{ts,tsx}"],
    rules: forbid(
      [
        { regex: part("taskpane", "workbench"), message: "The CLI never imports the task pane or the workbench: share code through src/core or src/xlsx." },
        { regex: part("excel"), message: OFFICE_ONLY_IN_EXCEL },
        OFFICE_PACKAGES,
        { regex: "^(react|react-dom|@fluentui)(/|$)", message: "The CLI does not use React or Fluent UI." },
      ],
      officeGlobals(OFFICE_ONLY_IN_EXCEL),
    ),
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: forbid(
      [
        {
          regex: part("cli", "workbench", "xlsx", "sample"),
          message: "The task pane never imports the CLI, the workbench, ExcelJS code or the sample workbooks: share code through src/core.",
        },
        OFFICE_PACKAGES,
        { regex: "^(exceljs|node:)", message: "The task pane runs in Office: no ExcelJS, no Node modules." },
      ],
      officeGlobals(OFFICE_ONLY_IN_EXCEL),
    ),
  },
  {
    files: ["src/xlsx/**/*.{ts,tsx}", "src/sample/**/*.{ts,tsx}"],
    rules: forbid(
      [
        {
          regex: part("excel", "taskpane", "cli", "workbench"),
          message: "src/xlsx and src/sample build on src/core (and ExcelJS) only: the CLI and the workbench import them.",
        },
        OFFICE_PACKAGES,
      ],
      officeGlobals(OFFICE_ONLY_IN_EXCEL),
    ),
  },
  {
    files: ["src/excel/**/*.{ts,tsx}"],
    rules: forbid(
      [{ regex: part("taskpane", "cli", "workbench", "xlsx", "sample"), message: "src/excel is the Office adapter: it builds on src/core only." }],
      [],
      { officeTypes: false },
    ),
  },
  {
    // The workbench may use every part, but Office.js itself only through its fake (memory-excel).
    files: ["src/workbench/**/*.{ts,tsx}"],
    ignores: ["src/workbench/memory-excel/**"],
    rules: forbid([OFFICE_PACKAGES], officeGlobals(OFFICE_ONLY_IN_EXCEL)),
  },
);
