/**
 * Figures for `npm run bench` (the lead wires a section to this): index build and per-keystroke
 * search time over the built-in library grown to N entries with synthetic ones (real entries under a
 * prefix such as "区级", their pinyin extended accordingly, so no pinyin-pro call is timed in the
 * build), and the one-off cost of computing pinyin for custom entries with pinyin-pro.
 * Every figure is measured when called, with the clock the caller passes in milliseconds (src/core
 * knows no timer): performance.now() for wall time, or on a busy machine a CPU clock (in Node:
 * () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }).
 * The queries run `passes` + 1 times: the first pass (JIT warm-up, as the first keystrokes in the
 * pane) is reported as coldMaxMs, the percentiles come from all the others (more samples: a steadier
 * p95 on a busy machine). The index is built `builds` times: the first (cold) build is what the pane
 * does once, the warm figure is the median of the others.
 */
import { BUILTIN_ENTRIES } from "./builtin";
import { entryKeys, type LibraryEntry } from "./schema";
import { createSearchIndex, search } from "./search";
import { pinyinOf } from "./pinyin";

/** Prefixes of the synthetic entries and their pinyin (as pinyinOf writes it). */
const PREFIXES: readonly [string, string][] = [
  ["区级", "qu ji"],
  ["县级", "xian ji"],
  ["市级", "shi ji"],
  ["乡镇", "xiang zhen"],
  ["街道", "jie dao"],
  ["园区", "yuan qu"],
  ["年度", "nian du"],
  ["专项", "zhuan xiang"],
  ["重点", "zhong dian"],
  ["新增", "xin zeng"],
];

/** The built-in entries plus synthetic ones, `total` in all (ids unique). */
export function syntheticLibrary(total: number): LibraryEntry[] {
  const out: LibraryEntry[] = [...BUILTIN_ENTRIES].slice(0, total);
  for (let round = 0; out.length < total; round++) {
    const [prefix, py] = PREFIXES[round % PREFIXES.length];
    const tag = round < PREFIXES.length ? "" : String(Math.floor(round / PREFIXES.length));
    for (const e of BUILTIN_ENTRIES) {
      if (out.length >= total) break;
      const name = `${prefix}${tag}${e.name}`;
      const synth: LibraryEntry = { ...e, id: `s:${round}-${e.id.slice(2)}`, name };
      // Pinyin of each key: the prefix's + the original key's (no pinyin-pro call).
      const original = new Map(entryKeys(e).keys.map((k, i) => [k, e.pinyin?.[i]]));
      const head = prefix + tag;
      const pys = entryKeys(synth).keys.map((k) =>
        original.has(k) ? original.get(k) : k.startsWith(head) && original.get(k.slice(head.length)) !== undefined ? `${py}${tag ? " " + tag : ""} ${original.get(k.slice(head.length))}` : undefined,
      );
      synth.pinyin = pys.every((p): p is string => p !== undefined) ? pys : undefined;
      out.push(synth);
    }
  }
  return out;
}

/** Keystroke sequences: every prefix of these names, and of their pinyin initials. */
const TYPED = ["项目验收合格率", "会场布置总成本", "培训人次", "群众满意度", "道路硬化里程", "设备完好率", "低保金发放准确率", "系统正常运行率", "资金拨付及时率", "按时完工"];
const TYPED_PINYIN = ["xmyshgl", "hcbzzcb", "pxrc", "qzmyd", "dlyhlc", "peixunrenci", "xiangmuyanshou"];

export interface LibraryBenchOptions {
  /** Timed passes over every keystroke after the cold one (default 1). */
  passes?: number;
  /** Index builds (default 2): the first is cold, the median of the others is buildWarmMs. */
  builds?: number;
}

export interface LibraryBench {
  entries: number;
  /** First index build (cold), and the median of the later ones (warm). */
  buildMs: number;
  buildWarmMs: number;
  /** Every build, in order. */
  buildRunsMs: number[];
  /** Keystrokes (query prefixes) in one pass, over `words` typed queries. */
  queries: number;
  words: number;
  passes: number;
  /** Timed keystrokes (queries × passes). */
  samples: number;
  /** p95 of the Chinese and of the pinyin queries' keystrokes. */
  p95ChineseMs: number;
  p95PinyinMs: number;
  /** Slowest query of the first (cold) pass. */
  coldMaxMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** pinyin-pro: first call (dictionary load) and per 1,000 custom entries after it. */
  pinyinFirstCallMs: number;
  pinyinPer1000Ms: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Nearest-rank percentile (p in 0..1). */
function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function benchLibrary(total: number, clock: () => number, opts: LibraryBenchOptions = {}): LibraryBench {
  const passes = Math.max(1, opts.passes ?? 1);
  const builds = Math.max(2, opts.builds ?? 2);
  const entries = syntheticLibrary(total);
  const buildRuns: number[] = [];
  let index!: ReturnType<typeof createSearchIndex>;
  for (let b = 0; b < builds; b++) {
    const t0 = clock();
    index = createSearchIndex(entries);
    buildRuns.push(clock() - t0);
  }
  const buildMs = buildRuns[0];
  const buildWarmMs = median(buildRuns.slice(1));

  const queries: { q: string; pinyin: boolean }[] = [];
  for (const [words, pinyin] of [
    [TYPED, false],
    [TYPED_PINYIN, true],
  ] as const)
    for (const w of words) for (let i = 1; i <= w.length; i++) queries.push({ q: w.slice(0, i), pinyin });
  const pass = (): number[] =>
    queries.map(({ q }) => {
      const s = clock();
      search(index, q, { limit: 10, context: { projectName: "2022年业务培训项目", level2: "数量指标" } });
      return clock() - s;
    });
  const cold = pass();
  const all: number[] = [];
  const chinese: number[] = [];
  const pinyin: number[] = [];
  for (let p = 0; p < passes; p++) {
    pass().forEach((ms, i) => {
      all.push(ms);
      (queries[i].pinyin ? pinyin : chinese).push(ms);
    });
  }
  const times = [...all].sort((a, b) => a - b);

  const p0 = clock();
  pinyinOf("初始化");
  const pinyinFirstCallMs = clock() - p0;
  const sample = BUILTIN_ENTRIES.slice(0, 1000);
  const p1 = clock();
  for (const e of sample) for (const k of entryKeys(e).keys) pinyinOf(k);
  const pinyinPer1000Ms = ((clock() - p1) * 1000) / sample.length;

  return {
    entries: entries.length,
    buildMs: round2(buildMs),
    buildWarmMs: round2(buildWarmMs),
    buildRunsMs: buildRuns.map(round2),
    queries: queries.length,
    words: TYPED.length + TYPED_PINYIN.length,
    passes,
    samples: all.length,
    p95ChineseMs: round2(percentile(chinese, 0.95)),
    p95PinyinMs: round2(percentile(pinyin, 0.95)),
    coldMaxMs: round2(Math.max(...cold)),
    p50Ms: round2(percentile(times, 0.5)),
    p95Ms: round2(percentile(times, 0.95)),
    maxMs: round2(times[times.length - 1]),
    pinyinFirstCallMs: round2(pinyinFirstCallMs),
    pinyinPer1000Ms: round2(pinyinPer1000Ms),
  };
}
