/**
 * Marks: the issues' cells handed to the port (setMarks diffs them with what is marked). Writes are
 * serialised on one chain and coalesced — however many are asked for while one runs, one more
 * follows, with the newest list. Highlighting on/off and "remove all marks".
 */
import { SEVERITY_RANK } from "../../core/model/severity";
import type { Mark } from "../../excel/port";
import { errorText, isProtectedError, type PaneStore } from "./store";


/** Writes the current marks; calls are serialised and coalesced, each writes the newest list. */
export function scheduleMarks(store: PaneStore): Promise<void> {
  if (store.marksQueued) return store.marksChain;
  store.marksQueued = true;
  store.marksChain = store.marksChain.then(async () => {
    store.marksQueued = false;
    if (!store.state.highlight || store.disposed) return;
    await writeMarks(store, currentMarks(store));
  });
  return store.marksChain;
}

/** The cells of the current issues, the most severe first when there are more than maxMarks. */
function currentMarks(store: PaneStore): Mark[] {
  const marks: Mark[] = [];
  for (const is of store.state.issues) if (is.cell) marks.push({ sheet: is.sheet, cell: is.cell, severity: is.severity });
  if (marks.length <= store.maxMarks) return marks;
  marks.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  if (!store.state.notices.some((n) => n.key === "marksCapped")) store.notify({ level: "info", key: "marksCapped", data: { n: store.maxMarks } });
  return marks.slice(0, store.maxMarks);
}

async function writeMarks(store: PaneStore, marks: Mark[]): Promise<void> {
  const key = marks.map((m) => `${m.sheet}!${m.cell}:${m.severity}`).join("\n");
  if (key === store.lastMarks) return;
  store.lastMarks = null;
  try {
    const res = await store.port.setMarks(marks);
    store.lastMarks = key;
    // Sheets just marked are evidently no longer protected.
    if (store.state.protectedSheets.length && res.protectedSheets.length === 0) {
      const marked = new Set(marks.map((m) => m.sheet.toLowerCase()));
      store.set({ protectedSheets: store.state.protectedSheets.filter((s) => !marked.has(s.toLowerCase())) });
    }
  } catch (e) {
    if (isProtectedError(e)) {
      const sheets = [...new Set([...store.state.protectedSheets, ...e.sheets])];
      if (sheets.join("\n") !== store.state.protectedSheets.join("\n")) store.set({ protectedSheets: sheets });
      return;
    }
    store.notify({ level: "error", text: errorText(e) });
  }
}

/** Highlight on: marks every issue's cell; off: gives every marked cell back its own format. */
export async function setHighlight(store: PaneStore, on: boolean): Promise<void> {
  store.set({ highlight: on });
  if (on) await scheduleMarks(store);
  else {
    store.marksChain = store.marksChain.then(() => writeMarks(store, []));
    await store.marksChain;
  }
}

/** "Remove all marks": every mark the add-in made goes away and highlighting is switched off. */
export async function clearMarks(store: PaneStore): Promise<void> {
  store.set({ highlight: false });
  store.marksChain = store.marksChain.then(async () => {
    store.lastMarks = null;
    try {
      await store.port.clearMarks();
      store.lastMarks = "";
    } catch (e) {
      if (isProtectedError(e)) store.addProtected(e.sheets);
      else store.notify({ level: "error", text: errorText(e) });
    }
  });
  await store.marksChain;
}
