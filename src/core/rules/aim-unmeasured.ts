import type { Rule } from "./types";
import { endsEarly } from "./category-missing";
import { related } from "./utils/keywords";
import { excerpt, stripNumbering } from "./utils/text";

/**
 * An aim of the department's 年度总体目标 that no indicator measures (domain §f, department level;
 * 完整性 §a5): “完善基础设施建设”, “蓝天碧水净土行动” have no row at all. An aim is matched by its
 * heading (the words before the first full stop, numbering and a “目标2:” label removed) sharing a
 * keyword with an indicator's name. When the table ends before the form's last categories (a partial
 * copy, or a table that stops there: category-missing's tailMissing), the measure may be in the rows
 * not copied: the finding is then a hint (`unmeasuredPartial`, capped at info).
 */
export const rule: Rule = {
  meta: {
    id: "aim-unmeasured",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["unmeasured", "unmeasuredPartial"],
    sources: ["domain §f (department level)", "domain §a5 完整性"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    messagePolicy: { unmeasuredPartial: "hint" },
    opinion: "指标不够完整",
  },
  check(ctx) {
    const t = ctx.table;
    if (t.kind !== "department" || t.indicators.length === 0) return;
    const messageId = endsEarly(t) ? "unmeasuredPartial" : "unmeasured";
    const names = t.indicators.map((r) => `${r.name.value ?? ""} ${r.description.value ?? ""}`);
    t.goals.forEach((g, i) => {
      const heading = aimHeading(g.text);
      if (heading === "" || names.some((n) => related(heading, n))) return;
      ctx.report({ messageId, cell: g.cell, data: { line: i + 1, aim: excerpt(heading, 30) } });
    });
  },
};

/** An aim's own label before its text: “目标2:”, “任务一、”, “总体目标3：”. */
const AIM_LABEL_RE = /^(?:总体|年度)?(?:目标|任务)\s*[0-9一二三四五六七八九十]{1,3}\s*[:：、.．]\s*/;

/** The aim's heading: “1、完善基础设施建设。积极加强…” → “完善基础设施建设”; “目标2:对…补助;” → “对…补助”. */
export function aimHeading(line: string): string {
  const t = stripNumbering(stripNumbering(line.trim()).replace(AIM_LABEL_RE, ""));
  const m = /^(.{4,40}?)[。.！!；;]/.exec(t);
  return (m ? m[1] : t).trim();
}
