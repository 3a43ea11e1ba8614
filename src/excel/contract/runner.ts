/**
 * Runs the port contract cases (cases.ts) against an Excel — the real one (the pane's self-test,
 * "自检 / Self-test") or the in-memory one (jest, the workbench). Every case gets a fresh scratch
 * sheet and a fresh adapter whose marks are confined to scratch sheets; whatever a case does or
 * fails to do, the runner removes what the test added — scratch sheets, names, the mappings setting
 * (put back as it was, with the table names) — and puts the selection back.
 */
import { OfficeWorkbook, detectCapabilities, type ExcelLike, type OfficeLike } from "../office-workbook";
import { MAPPINGS_SETTING, TABLE_NAME_PREFIX } from "../mapping-store";
import type { ChangeSubscription } from "../port";
import { CASES } from "./cases";
import { Scratch } from "./scratch";
import type { Area, ContractCase, UserHands } from "./types";

export const SCRATCH_PREFIX = "JX_SELFTEST_";

export type CaseStatus = "pass" | "fail" | "skip";

export interface CaseResult {
  id: string;
  area: Area;
  title: { zh: string; en: string };
  source: string;
  status: CaseStatus;
  /** Why it failed, or why it was skipped. */
  message?: string;
}

export interface ContractReport {
  /** Excel's build ("16.0.17928.20000") and platform ("PC", "OfficeOnline", …). */
  build: string;
  platform: string;
  apiVersion: number;
  startedAt: string;
  results: CaseResult[];
  /** Something the runner could not put back (empty when the workbook is as it was). */
  cleanupErrors: string[];
}

export interface RunOptions {
  excel: ExcelLike;
  office: OfficeLike & { context: { diagnostics?: { version?: string; platform?: string } } };
  /** What a person does (the in-memory Excel's user); null in real Excel. */
  user?: UserHands | null;
  cases?: readonly ContractCase[];
  onProgress?: (done: number, total: number) => void;
}

interface SavedMappings {
  setting: { exists: boolean; value: unknown };
  names: { name: string; formula: string; comment: string }[];
}

const tick = (ms = 0) => new Promise<void>((r) => setTimeout(r, ms));

export async function runContract(opts: RunOptions): Promise<ContractReport> {
  const { excel, office } = opts;
  const caps = detectCapabilities(office);
  const diag = office.context.diagnostics ?? {};
  const platform = String(diag.platform ?? "unknown");
  const cases = opts.cases ?? CASES;
  const report: ContractReport = { build: String(diag.version ?? "unknown"), platform, apiVersion: caps.apiVersion, startedAt: new Date().toISOString(), results: [], cleanupErrors: [] };
  const probe = new OfficeWorkbook({ excel, office });
  const selection = await probe.getSelection().catch(() => null);
  const namesBefore = new Set((await new Scratch(excel, "", caps.cellProperties).names()).map((n) => n.name.toLowerCase()));
  const saved = await saveMappings(excel);
  try {
    let i = 0;
    for (const c of cases) {
      report.results.push(await runOne(c, i, opts, caps, platform));
      opts.onProgress?.(++i, cases.length);
    }
  } finally {
    await cleanup(excel, namesBefore, saved, report);
    if (selection?.sheet) await probe.select(selection.sheet, selection.address.split(":")[0]).catch((e: unknown) => report.cleanupErrors.push(`selection: ${String(e)}`));
  }
  return report;
}

async function runOne(c: ContractCase, i: number, opts: RunOptions, caps: ReturnType<typeof detectCapabilities>, platform: string): Promise<CaseResult> {
  const base = { id: c.id, area: c.area, title: c.title, source: c.source };
  if (c.needs?.api && caps.apiVersion < c.needs.api) return { ...base, status: "skip", message: `needs ExcelApi 1.${c.needs.api}` };
  if (c.needs?.user && !opts.user) return { ...base, status: "skip", message: "needs a person's action (typing, paste, Ctrl+Z …)" };
  if (c.needs?.platform && c.needs.platform !== platform) return { ...base, status: "skip", message: `only on ${c.needs.platform}` };
  const sheet = `${SCRATCH_PREFIX}${i + 1}`;
  const scratch = new Scratch(opts.excel, sheet, caps.cellProperties);
  const port = new OfficeWorkbook({ excel: opts.excel, office: opts.office, markScope: (s) => s.startsWith(SCRATCH_PREFIX) });
  const subs: ChangeSubscription[] = [];
  try {
    await scratch.create();
    await c.run({
      sheet,
      port,
      caps,
      scratch,
      user: opts.user ?? null,
      platform,
      subscribe: async (fn) => {
        subs.push(await port.subscribe(fn));
      },
      settle: async () => {
        for (let k = 0; k < 5; k++) await tick();
      },
    });
    return { ...base, status: "pass" };
  } catch (e) {
    return { ...base, status: "fail", message: e instanceof Error ? e.message : String(e) };
  } finally {
    opts.user?.endCellEdit();
    for (const s of subs) await s.dispose().catch(() => undefined);
    await port.clearMarks().catch(() => undefined);
    await scratch.remove().catch(() => undefined);
  }
}

async function saveMappings(excel: ExcelLike): Promise<SavedMappings> {
  return excel.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(MAPPINGS_SETTING);
    setting.load("value");
    const names = context.workbook.names;
    names.load("items/name,items/formula,items/comment");
    await context.sync();
    return {
      setting: setting.isNullObject ? { exists: false, value: null } : { exists: true, value: setting.value },
      names: names.items.filter((n) => n.name.startsWith(TABLE_NAME_PREFIX)).map((n) => ({ name: n.name, formula: n.formula, comment: n.comment })),
    };
  });
}

/** Deletes every name the test added, puts the mappings (setting and table names) back, removes stray scratch sheets. */
async function cleanup(excel: ExcelLike, namesBefore: Set<string>, saved: SavedMappings, report: ContractReport): Promise<void> {
  try {
    await excel.run(async (context) => {
      const names = context.workbook.names;
      names.load("items/name");
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const setting = context.workbook.settings.getItemOrNullObject(MAPPINGS_SETTING);
      setting.load("key");
      await context.sync();
      for (const n of names.items) if (!namesBefore.has(n.name.toLowerCase()) || n.name.startsWith(TABLE_NAME_PREFIX)) n.delete();
      for (const s of sheets.items) if (s.name.startsWith(SCRATCH_PREFIX)) s.delete();
      await context.sync();
      for (const n of saved.names) context.workbook.names.add(n.name, n.formula, n.comment);
      if (saved.setting.exists) context.workbook.settings.add(MAPPINGS_SETTING, saved.setting.value);
      else if (!setting.isNullObject) setting.delete();
      await context.sync();
      // Hidden in the batch after the one that added them (a name hidden in its adding batch stays visible).
      for (const n of saved.names) context.workbook.names.getItem(n.name).visible = false;
      await context.sync();
    });
  } catch (e) {
    report.cleanupErrors.push(e instanceof Error ? e.message : String(e));
  }
}

/** The plain-text report ("复制结果"). */
export function reportText(r: ContractReport): string {
  const count = (s: CaseStatus) => r.results.filter((x) => x.status === s).length;
  const lines = [
    "绩效目标助手 自检 / Self-test",
    `Excel ${r.build} · ${r.platform} · ExcelApi 1.${r.apiVersion} · ${r.startedAt}`,
    `通过 pass ${count("pass")} · 失败 fail ${count("fail")} · 跳过 skip ${count("skip")} · 共 total ${r.results.length}`,
    "",
    ...r.results.map((x) => `${x.status.toUpperCase().padEnd(4)} ${x.id} — ${x.title.zh} / ${x.title.en}${x.message ? ` — ${x.message}` : ""}`),
  ];
  if (r.cleanupErrors.length) lines.push("", `清理问题 cleanup: ${r.cleanupErrors.join("; ")}`);
  return lines.join("\n");
}

/** What the pane's entry hands to the pane: runs the self-test in the Excel the page has. */
export type SelfTestRunner = ((onProgress?: (done: number, total: number) => void) => Promise<ContractReport>) & { readonly caseCount: number };

/**
 * The self-test over the `Excel`/`Office` globals (real Excel, or the workbench's in-memory Excel,
 * which also installs a user's hands as `__jixiaoUserHands`).
 */
export function officeSelfTest(): SelfTestRunner {
  const run = (onProgress?: (done: number, total: number) => void) => {
    const g = globalThis as unknown as { Excel: ExcelLike; Office: RunOptions["office"]; __jixiaoUserHands?: UserHands };
    return runContract({ excel: g.Excel, office: g.Office, user: g.__jixiaoUserHands ?? null, onProgress });
  };
  return Object.assign(run, { caseCount: CASES.length });
}
