import type { Rule } from "./types";
import type { NumberField } from "../model/schema";
import { formatAmount } from "./cost-exceeds-budget";

/** A part written as a dash, a slash or 无: none, i.e. zero. */
const NONE_RE = /^(?:[-－—–―/／\\]+|无|零)$/;

type Part = { state: "amount"; value: number } | { state: "blank" } | { state: "unreadable"; raw: string };

function readPart(f: NumberField): Part {
  if (f.value !== null) return { state: "amount", value: f.value };
  const raw = (f.raw ?? "").trim();
  if (raw === "") return { state: "blank" };
  if (NONE_RE.test(raw)) return { state: "amount", value: 0 };
  return { state: "unreadable", raw };
}

/**
 * 预算数 must equal 财政资金 + 其他资金 (domain §g R11; §f 21). Blank is not zero: only filled parts
 * are compared (a dash, a slash or 无 is zero). Both parts filled and not adding up, or filled parts
 * above the total, is an arithmetic error (mismatch, partsExceed); a blank part gives at most one
 * completeness note (info): both blank (sourcesBlank) or the filled one short of the total
 * (partBlank). A part that is written but is not an amount is reported instead of being summed.
 * Amounts are compared in the table's money unit with a tolerance of 0.005. Tables whose layout has
 * neither part are skipped; a layout with one part only (其中：当年市级财政资金) is checked only for that
 * part exceeding the total — the rest may come from sources the form does not name.
 */
export const rule: Rule = {
  meta: {
    id: "budget-sum",
    type: "problem",
    defaultSeverity: "error",
    messageIds: ["mismatch", "partsExceed", "partBlank", "sourcesBlank", "fiscalUnreadable", "otherUnreadable"],
    sources: ["domain §g R11", "domain §f 21"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "arithmetic",
    messagePolicy: { fiscalUnreadable: "review", otherUnreadable: "review", sourcesBlank: "hint", partBlank: "hint" },
    opinion: "其他",
  },
  check(ctx) {
    const { total } = ctx.table.budget;
    const { fiscal, other } = ctx.table.budget;
    if (total.value === null) return; // required-field reports a blank or unreadable 预算数
    if (fiscal.cell === null && other.cell === null) return;
    const parts = [readPart(fiscal), readPart(other)] as const;
    let unreadable = false;
    parts.forEach((p, i) => {
      if (p.state !== "unreadable") return;
      unreadable = true;
      const f = i === 0 ? fiscal : other;
      ctx.report({ messageId: i === 0 ? "fiscalUnreadable" : "otherUnreadable", cell: f.cell ?? total.cell, data: { raw: p.raw } });
    });
    if (unreadable) return;
    const unit = ctx.table.moneyUnit ?? "";
    const [fp, op] = parts;
    if (fp.state === "blank" && op.state === "blank") {
      ctx.report({ messageId: "sourcesBlank", cell: fiscal.cell ?? other.cell ?? total.cell });
      return;
    }
    const amount = (p: Part) => (p.state === "amount" ? p.value : 0);
    const sum = amount(fp) + amount(op);

    const data = {
      total: formatAmount(total.value),
      fiscal: fp.state === "amount" ? formatAmount(fp.value) : "—",
      other: op.state === "amount" ? formatAmount(op.value) : "—",
      sum: formatAmount(sum),
      diff: formatAmount(total.value - sum),
      unit,
    };
    if (Math.abs(total.value - sum) <= 0.005) return;
    // A form that lists one source only (项目金额 164万元，其中：当年市级财政资金 132万元): the rest may
    // come from sources it does not name, so only a part above the total is wrong.
    if (fiscal.cell === null || other.cell === null) {
      if (sum > total.value) ctx.report({ messageId: "partsExceed", cell: total.cell, data });
      return;
    }
    if (fp.state === "blank" || op.state === "blank") {
      const blankCell = fp.state === "blank" ? fiscal.cell : other.cell;
      if (sum > total.value) ctx.report({ messageId: "partsExceed", cell: total.cell, data });
      else ctx.report({ messageId: "partBlank", cell: blankCell ?? total.cell, data: { ...data, part: fp.state === "blank" ? "财政资金" : "其他资金", partEn: fp.state === "blank" ? "fiscal funds" : "other funds" } });
      return;
    }
    ctx.report({ messageId: "mismatch", cell: total.cell, data });
  },
};
