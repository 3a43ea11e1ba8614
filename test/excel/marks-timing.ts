/**
 * A measurement script, not a test (jest only runs *.test.ts): the cost of highlighting on a workbook
 * of 200 seed tables (10 sheets × 20) in the in-memory Excel, through the real adapter and controller.
 *
 *   npx esbuild test/excel/marks-timing.ts --bundle --platform=node --outfile=/tmp/marks-timing.js && node /tmp/marks-timing.js
 *
 * Prints, each the median of 20 runs: `context.sync` calls per edit (readBlock + setMarks, as the
 * pane does them), the time of the pane's whole re-validation of one edited 20-row table (read +
 * rules + marks, without the debounce wait) and of setMarks alone for one changed table.
 */
import { OfficeWorkbook } from "../../src/excel/office-workbook";
import type { Mark } from "../../src/excel/port";
import { PaneController } from "../../src/taskpane/controller";
import { MemoryExcel } from "../../src/workbench/memory-excel";
import { manyTablesSnapshot, TABLE_ROWS } from "./helpers";

const RUNS = 20;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  const snap = manyTablesSnapshot(200, 10);
  const mem = MemoryExcel.fromSnapshot(snap, { apiVersion: 14 });
  const port = new OfficeWorkbook(mem.host());
  const ctl = new PaneController(port, { debounceMs: 0 });
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await mem.flush();
      await ctl.whenIdle();
    }
  };
  let t0 = performance.now();
  await ctl.start();
  await settle();
  const marked = ctl.getState().issues.filter((i) => i.cell).length;
  console.log(`start: ${ctl.getState().tables.length} tables, ${marked} marked issues, ${r1(performance.now() - t0)} ms`);

  // 1. The pane: one edit in table k (a value flipped between invalid and valid), settled.
  const syncs: number[] = [];
  const work: number[] = [];
  const marksMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const sheet = `表${(i % 10) + 1}`;
    const k = 3 + (i % 7); // table on that sheet
    const cell = `F${k * TABLE_ROWS + 14}`;
    mem.resetSyncs();
    mem.user.setCellValue(sheet, cell, i % 2 === 0 ? "≥120%" : "≥95%");
    await settle();
    syncs.push(mem.syncs);
    const t = ctl.timings[ctl.timings.length - 1];
    work.push(t.workMs);
    marksMs.push(t.marksMs);
  }
  console.log(`pane, one edit: syncs median ${median(syncs)} (max ${Math.max(...syncs)}); re-validation ${r1(median(work))} ms; of which marks ${r1(median(marksMs))} ms`);

  // 2. The port alone: readBlock of one table + setMarks where only that table's marks changed.
  // The pane writes at most 1,500 marks: keep those of the first 5 tables of every sheet (≈1,500).
  const rowOf = (m: Mark) => Number(/\d+/.exec(m.cell)![0]);
  const all: Mark[] = ctl
    .getState()
    .issues.filter((i) => i.cell)
    .map((i) => ({ sheet: i.sheet, cell: i.cell!, severity: i.severity }))
    .filter((m) => rowOf(m) <= 5 * TABLE_ROWS);
  await ctl.dispose();
  const sub = await port.subscribe(() => undefined);
  await port.setMarks(all);
  const readMs: number[] = [];
  const setMs: number[] = [];
  const portSyncs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Runs 2j and 2j+1 edit the same table: its marks go, then come back.
    const j = i >> 1;
    const sheet = `表${(j % 10) + 1}`;
    const k = j % 5;
    const top = k * TABLE_ROWS;
    const inTable = (m: Mark) => m.sheet === sheet && rowOf(m) > top && rowOf(m) <= top + TABLE_ROWS;
    // Even runs drop that table's marks, odd runs put them back.
    const next = i % 2 === 0 ? all.filter((m) => !inTable(m)) : all;
    mem.resetSyncs();
    t0 = performance.now();
    await port.readBlock(sheet, `A${top + 1}:G${top + TABLE_ROWS}`);
    const t1 = performance.now();
    await port.setMarks(next);
    const t2 = performance.now();
    portSyncs.push(mem.syncs);
    readMs.push(t1 - t0);
    setMs.push(t2 - t1);
  }
  const sameMs: number[] = [];
  const sameSyncs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    mem.resetSyncs();
    t0 = performance.now();
    await port.setMarks(all);
    sameMs.push(performance.now() - t0);
    sameSyncs.push(mem.syncs);
  }
  await sub.dispose();
  console.log(
    `port, one table changed among ${all.length} marks: syncs median ${median(portSyncs)} (max ${Math.max(...portSyncs)}); readBlock ${r1(median(readMs))} ms; setMarks ${r1(median(setMs))} ms`,
  );
  console.log(`port, setMarks with the same ${all.length} marks: syncs max ${Math.max(...sameSyncs)}; ${r1(median(sameMs))} ms`);
}

void main();
