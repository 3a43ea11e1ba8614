/**
 * Workbench entry (workbench.html): runs BEFORE the task-pane bundle on the same page. It opens a
 * workbook in the in-memory Excel — the built-in sample (the seed's three project tables and its
 * department part, as prose and as a department table) or a .xlsx the
 * user opened — installs `window.Excel` and `window.Office`, and renders the grid. The real task
 * pane (taskpane.js, loaded next) then finds Excel on window and runs as it does in Office.
 *
 * Opening another workbook is, as in Excel, a new session for the add-in: the workbook is handed
 * over in sessionStorage and the page reloads, so the pane starts fresh on it.
 *
 * URL parameters: `?api=7` simulates ExcelApi 1.7 (Office 2019; default 14), `?lang=en-US` sets
 * Office's display language (default zh-CN).
 */
import { createRoot } from "react-dom/client";
import { buildSampleWorkbook } from "../sample/workbooks";
import { MemoryExcel } from "./memory-excel";
import { memoryUserHands } from "./memory-excel/hands";
import { workbookFromExcelJS, workbookFromXlsx, type WorkbenchBook } from "./convert";
import { Workbench, type WorkbenchActions } from "./app";

export const STORAGE_KEY = "jixiao.workbench.book";
export const SAMPLE_TITLE = "示例：项目绩效目标表与部门整体绩效目标（种子）";

export interface WorkbenchHandle {
  excel: MemoryExcel;
  book: WorkbenchBook;
  /** True once the grid rendered (the task pane runs independently of it). */
  ready: boolean;
}

declare global {
  interface Window {
    __workbench?: WorkbenchHandle;
  }
}

export function sampleBook(): WorkbenchBook {
  return workbookFromExcelJS(buildSampleWorkbook(), SAMPLE_TITLE);
}

function storedBook(): WorkbenchBook | null {
  try {
    const text = window.sessionStorage.getItem(STORAGE_KEY);
    if (!text) return null;
    const book = JSON.parse(text) as WorkbenchBook;
    return book && book.snapshot && Array.isArray(book.snapshot.sheets) ? book : null;
  } catch {
    return null;
  }
}

function reopenWith(book: WorkbenchBook | null): void {
  if (book) {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(book));
    } catch {
      throw new Error("工作簿太大，浏览器会话存储放不下 / the workbook is too large for the browser's session storage");
    }
  } else window.sessionStorage.removeItem(STORAGE_KEY);
  window.location.reload();
}

function boot(): void {
  const params = new URLSearchParams(window.location.search);
  let book = storedBook();
  let excel: MemoryExcel;
  const opts = {
    apiVersion: params.has("api") ? Number(params.get("api")) || 14 : 14,
    displayLanguage: params.get("lang") || "zh-CN",
  };
  try {
    excel = MemoryExcel.fromSnapshot((book ?? (book = sampleBook())).snapshot, opts);
  } catch {
    book = sampleBook();
    excel = MemoryExcel.fromSnapshot(book.snapshot, opts);
  }
  const first = excel.model.sheets[0];
  if (!excel.model.selection && first) excel.user.select(first.name, "A1");
  excel.install(window as unknown as Record<string, unknown>);
  // The self-test's cases that need a person (typing, paste, Ctrl+Z …) are done by the in-memory user.
  (window as unknown as Record<string, unknown>).__jixiaoUserHands = memoryUserHands(excel);
  const handle: WorkbenchHandle = { excel, book, ready: false };
  window.__workbench = handle;
  document.title = `${book.title} — 绩效目标助手工作台`;

  const actions: WorkbenchActions = {
    async openFile(file: File) {
      const opened = await workbookFromXlsx(await file.arrayBuffer(), file.name);
      reopenWith(opened);
    },
    openSample() {
      reopenWith(null);
    },
    saveAndReopen() {
      reopenWith({ ...handle.book, snapshot: excel.toSnapshot() });
    },
  };

  const root = document.getElementById("workbench");
  if (!root) throw new Error("workbench.html has no #workbench element");
  const markReady = () => {
    handle.ready = true;
  };
  createRoot(root).render(<Workbench excel={excel} book={book} actions={actions} onRendered={markReady} />);
}

boot();
