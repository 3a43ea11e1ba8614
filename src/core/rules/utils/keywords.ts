/**
 * Keyword overlap between sentences (a department's aims, its tasks, its indicators, a project's goal):
 * the two-character words of a text minus the words every such sentence uses (工作, 完成, 加强 …).
 * Two texts are related when they share one such word. A heuristic: it errs towards "related".
 */
import { memoText } from "./text";

/** Words that say nothing about the subject. */
const STOP = new Set(
  (
    "工作 完成 加强 做好 负责 组织 推进 全力 积极 进一步 确保 保障 提高 提升 落实 开展 实现 促进 有效 按照 要求 及时 全面 " +
    "方面 管理 服务 任务 各项 相关 进行 加快 抓好 完善 优化 严格 规范 情况 目标 指标 绩效 年度 全年 本年 我县 区内 辖区 " +
    "工作率 完成率 及时率 达到 不少 少于 以上 部门 单位 重点 发展 建设 水平 项目"
  )
    .split(/\s+/)
    .filter((w) => w.length === 2),
);

/** The two-character words of a text (CJK only), without stop words. */
export const keywords: (text: string) => ReadonlySet<string> = memoText((text: string) => {
  const out = new Set<string>();
  for (const run of text.match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (let i = 0; i + 2 <= run.length; i++) {
      const w = run.slice(i, i + 2);
      if (!STOP.has(w)) out.add(w);
    }
  }
  return out;
});

/** Do the texts share a keyword? */
export function related(a: string, b: string): boolean {
  const ka = keywords(a);
  for (const w of keywords(b)) if (ka.has(w)) return true;
  return false;
}
