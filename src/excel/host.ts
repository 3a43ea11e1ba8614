/**
 * Host detection: what office.js (or the workbench's in-memory Excel) says about where the pane
 * runs and in which display language. Part of src/excel, the only code that touches Office.
 */

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

/** True when the page provides an Excel JavaScript API (real office.js in Excel, or the workbench). */
export function hasExcelApi(g: unknown = globalThis): boolean {
  const x = g as { Excel?: { run?: unknown }; Office?: { context?: unknown } };
  return !!x.Excel && typeof x.Excel.run === "function" && !!x.Office && !!x.Office.context;
}

/** Office.context.displayLanguage when office.js (or the workbench) provides it. */
export function officeDisplayLanguage(g: unknown = globalThis): string | undefined {
  const office = (g as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
  try {
    const lang = office?.context?.displayLanguage;
    return typeof lang === "string" ? lang : undefined;
  } catch {
    return undefined;
  }
}

