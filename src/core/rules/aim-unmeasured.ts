import type { Rule } from "./types";
import { related } from "./utils/keywords";
import { excerpt, stripNumbering } from "./utils/text";

/**
 * An aim of the department's 年度总体目标 that no indicator measures (domain §f, department level;
 * 完整性 §a5): “完善基础设施建设”, “蓝天碧水净土行动” have no row at all. An aim is matched by its
 * heading (the words before the first full stop) sharing a keyword with an indicator's name.
 */
export const rule: Rule = {
  meta: {
    id: "aim-unmeasured",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["unmeasured"],
    sources: ["domain §f (department level)", "domain §a5 完整性"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    opinion: "指标不够完整",
  },
  check(ctx) {
    const t = ctx.table;
    if (t.kind !== "department" || t.indicators.length === 0) return;
    const names = t.indicators.map((r) => `${r.name.value ?? ""} ${r.description.value ?? ""}`);
    t.goals.forEach((g, i) => {
      const heading = aimHeading(g.text);
      if (heading === "" || names.some((n) => related(heading, n))) return;
      ctx.report({ messageId: "unmeasured", cell: g.cell, data: { line: i + 1, aim: excerpt(heading, 30) } });
    });
  },
};

/** The aim's heading: “1、完善基础设施建设。积极加强…” → “完善基础设施建设”. */
export function aimHeading(line: string): string {
  const t = stripNumbering(line.trim());
  const m = /^(.{4,40}?)[。.！!；;]/.exec(t);
  return (m ? m[1] : t).trim();
}
