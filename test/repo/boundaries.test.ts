/**
 * The boundaries between the parts of src/ are kept by the linter (eslint.config.mjs): a forbidden
 * import planted in a copy of a real file of each part makes `npm run lint` fail there, what each
 * part may import still lints clean, and the tree as it is passes.
 *
 * The copy is linted with ESLint's Node API under the original's path (lintText with filePath), so
 * the configuration applies exactly as `npm run lint` applies it, without writing into src/. ESLint
 * runs in one child process (lint-cases.mjs) for all the cases: it loads eslint.config.mjs with a
 * dynamic import, which jest's module sandbox does not allow.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const BOUNDARY_RULES = new Set(["no-restricted-imports", "no-restricted-globals", "no-restricted-syntax"]);

interface Message {
  ruleId: string | null;
  severity: number;
  line: number;
  message: string;
}

const CORE = "src/core/rules/engine.ts";
const CORE_DEEP = "src/core/library/search.ts";
const EXCEL = "src/excel/dirty.ts";
const CLI = "src/cli/check.ts";
const CLI_DEEP = "src/cli/commands/library.ts";
const PANE = "src/taskpane/mapping.ts";
const PANE_DEEP = "src/taskpane/components/IssueRow.tsx";
const XLSX = "src/xlsx/grid.ts";
const WORKBENCH = "src/workbench/convert.ts";
const FAKE_OFFICE = "src/workbench/memory-excel/index.ts";

// [file, planted line] — each must fail the lint.
const FORBIDDEN: [string, string][] = [
  // src/core: nothing from the other parts, no React / Office / ExcelJS / Node / DOM.
  [CORE, 'import { OfficeWorkbook as _P } from "../../excel/office-workbook";'],
  [CORE, 'import { PaneController as _P } from "../../taskpane/controller";'],
  [CORE, 'import { parseArgs as _P } from "../../cli/args";'],
  [CORE_DEEP, 'import { worksheetToGrid as _P } from "../../xlsx/grid";'],
  [CORE_DEEP, 'import { buildSeedWorkbook as _P } from "../../sample/workbooks";'],
  [CORE, 'import { MemoryExcel as _P } from "../../workbench/memory-excel";'],
  [CORE, 'export { OfficeWorkbook as _P } from "../../excel/office-workbook";'],
  [CORE, 'const _P = () => import("../../excel/office-workbook");'],
  [CORE, 'import { useState as _P } from "react";'],
  [CORE, 'import { Button as _P } from "@fluentui/react-components";'],
  [CORE, 'import _P from "exceljs";'],
  [CORE, 'import type { Workbook as _P } from "exceljs";'],
  [CORE, 'const _P = () => import("exceljs");'],
  [CORE, 'import * as _P from "node:fs";'],
  [CORE, 'import * as _P from "path";'],
  [CORE, 'import { Worker as _P } from "worker_threads";'],
  [CORE, "const _P = () => document.title;"],
  [CORE, "const _P = () => window.innerWidth;"],
  [CORE, "const _P = () => navigator.language;"],
  [CORE, "const _P = () => process.env;"],
  [CORE, "const _P = () => setTimeout(() => undefined, 0);"],
  [CORE, "const _P = () => Excel.run(async () => undefined);"],
  [CORE, "type _P = Excel.Range;"],
  // Only src/excel touches Office.js.
  [PANE, "const _P = () => Office.context.displayLanguage;"],
  [PANE_DEEP, "type _P = Excel.RequestContext;"],
  [CLI, "const _P = () => Excel.run(async () => undefined);"],
  [CLI, 'import { OfficeWorkbook as _P } from "../excel/office-workbook";'],
  [XLSX, "const _P = () => Office.onReady();"],
  [WORKBENCH, "const _P = () => Office.context;"],
  [WORKBENCH, 'import "@microsoft/office-js";'],
  // src/cli and src/taskpane never import each other.
  [CLI, 'import { PaneController as _P } from "../taskpane/controller";'],
  [CLI_DEEP, 'import { t as _P } from "../../taskpane/i18n";'],
  [PANE, 'import { parseArgs as _P } from "../cli/args";'],
  [PANE_DEEP, 'import { buildReport as _P } from "../../cli/report";'],
  [PANE, 'const _P = () => import("../cli/report");'],
  // The pane reads the workbook through src/excel, never with ExcelJS.
  [PANE, 'import _P from "exceljs";'],
  [PANE, 'import { worksheetToGrid as _P } from "../xlsx/grid";'],
  // src/excel and src/xlsx build on src/core only.
  [EXCEL, 'import { PaneController as _P } from "../taskpane/controller";'],
  [EXCEL, 'import { worksheetToGrid as _P } from "../xlsx/grid";'],
  [XLSX, 'import { parseArgs as _P } from "../cli/args";'],
];

// [file, planted line] — what each part may import: no boundary error.
const ALLOWED: [string, string][] = [
  [CORE, 'import { z as _P } from "zod";'],
  [CORE_DEEP, 'import { pinyin as _P } from "pinyin-pro";'],
  [CORE_DEEP, 'import { colToLetters as _P } from "../grid/a1";'],
  [EXCEL, "const _P = () => Excel.run(async () => undefined);"],
  [EXCEL, "type _P = Excel.Range;"],
  [FAKE_OFFICE, "type _P = Excel.Range;"],
  [CLI, 'import { worksheetToGrid as _P } from "../xlsx/grid";'],
  [CLI, 'import * as _P from "node:fs";'],
  [PANE, 'import { OfficeWorkbook as _P } from "../excel/office-workbook";'],
  [PANE_DEEP, 'import { useState as _P } from "react";'],
  [WORKBENCH, 'import { worksheetToGrid as _P } from "../xlsx/grid";'],
  [WORKBENCH, 'import { buildReport as _P } from "../cli/report";'],
  [WORKBENCH, 'import { PaneController as _P } from "../taskpane/controller";'],
  [WORKBENCH, 'import { OfficeWorkbook as _P } from "../excel/office-workbook";'],
];

const CASES = [...FORBIDDEN, ...ALLOWED];
let linted: { cases: Message[][]; tree: { file: string; messages: Message[] }[] };

beforeAll(() => {
  // Each case: the real file with the planted line put in front of its code.
  const cases = CASES.map(([file, planted]) => ({ file, code: `${planted}\n${readFileSync(path.join(ROOT, file), "utf8")}` }));
  const out = execFileSync(process.execPath, [path.join(__dirname, "lint-cases.mjs")], {
    cwd: ROOT,
    input: JSON.stringify({ root: ROOT, cases, tree: true }),
    maxBuffer: 64 * 1024 * 1024,
    encoding: "utf8",
  });
  linted = JSON.parse(out);
}, 300_000);

/** The boundary errors on the planted line (line 1) of case `i`. */
function boundaryErrors(i: number): string[] {
  return linted.cases[i].filter((m) => m.severity === 2 && m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId) && m.line === 1).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("a forbidden import planted in a copy fails the lint", () => {
  test.each(FORBIDDEN.map((c, i) => [...c, i] as const))("%s ← %s", (_file, _planted, i) => {
    expect(boundaryErrors(i)).not.toEqual([]);
  });
});

describe("what each part may import lints clean", () => {
  test.each(ALLOWED.map((c, i) => [...c, FORBIDDEN.length + i] as const))("%s ← %s", (_file, _planted, i) => {
    expect(boundaryErrors(i)).toEqual([]);
    // The copy is otherwise clean too: nothing but the planted line changed.
    expect(linted.cases[i].filter((m) => m.severity === 2 && m.line > 1)).toEqual([]);
  });
});

test("the tree as it is passes the lint (npm run lint)", () => {
  const errors = linted.tree.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${path.relative(ROOT, r.file)}:${m.line} ${m.ruleId}: ${m.message}`));
  expect(errors).toEqual([]);
  // Every part was linted (a typo in a glob would silently lint nothing).
  const parts = new Set(linted.tree.map((r) => path.relative(ROOT, r.file).split(path.sep)[1]));
  expect([...parts].sort()).toEqual(["cli", "core", "excel", "sample", "taskpane", "workbench", "xlsx"]);
});
