import type { Rule } from "./types";
import type { Form, ProjectTable } from "../model/schema";
import { FORMS, canonicalLevel1, canonicalLevel2, shiftedLevel1 } from "../forms/categories";

/** Words that mark a construction or environmental project (domain §a4, §f 29) [I]. */
const CONSTRUCTION_OR_ENV =
  /基础设施|基本建设|建设工程|工程建设|施工|新建|改建|扩建|改造|修缮|道路|桥梁|管网|污水|供水|排水|环保|环境保护|环境整治|环境治理|人居环境|污染|生态修复|生态保护|绿化|扬尘|垃圾|河道|水利/;

/** Is this table a construction or environmental project, judged from its name, title and purpose? */
export function isConstructionOrEnvironment(table: ProjectTable): boolean {
  return [table.projectName.value, table.title.value, table.purpose.value].some(
    (s) => s !== null && CONSTRUCTION_OR_ENV.test(s),
  );
}

/** The 一级 a 二级 belongs to in a form, or null (成本指标 under 101 is its own 一级). */
function level1Above(form: Form, level2: string | null): string | null {
  if (level2 === null) return null;
  for (const [l1, l2s] of Object.entries(FORMS[form])) if (l2s.includes(level2)) return l1;
  return null;
}

type Row = ProjectTable["indicators"][number];
const l2Of = (r: Row) => r.level2.canonical ?? canonicalLevel2(r.level2.raw);
/** The 一级 of a row: its label, else read from its 二级 (null when it cannot be placed). */
const l1Of = (form: Form, r: Row) => shiftedLevel1(r) ?? r.level1.canonical ?? canonicalLevel1(r.level1.raw) ?? level1Above(form, l2Of(r));

/** Which 一级 of the form the table has, and whether those it lacks all come after the last one present. */
function categories(table: ProjectTable) {
  const rows = table.indicators;
  const present = new Set(rows.map((r) => l1Of(table.form, r)));
  // Hunan variant: a satisfaction 二级 under 效益 covers the satisfaction 一级 (domain §a4).
  const hasSatisfaction = rows.some((r) => l2Of(r) === "服务对象满意度指标");
  const order = Object.keys(FORMS[table.form]);
  const lastPresent = Math.max(...order.map((l, i) => (present.has(l) ? i : -1)));
  const missingAll = order.filter((l) => !present.has(l) && !(l === "满意度指标" && hasSatisfaction));
  const tail = lastPresent >= 0 && missingAll.length > 0 && missingAll.every((l) => order.indexOf(l) > lastPresent);
  return { present, order, lastPresent, missingAll, tail };
}

/**
 * Does the table end before the form's last categories (产出 and 效益, no 满意度)? Such a table may stop
 * there or be a partial copy (one printed page, the first part pasted): findings that something is
 * measured by no row are then hints, as the rows may be in the part not copied.
 */
export function endsEarly(table: ProjectTable): boolean {
  return table.indicators.length > 0 && categories(table).tail;
}

/**
 * Each 一级 of the form should carry at least one indicator, and 产出 at least one 数量 indicator
 * (domain §b8, §g R2). A blank or unknown 一级 is read from the 二级 under it; when it still cannot be
 * placed, no 一级 is called empty (level1-unknown reports the label: one cause, one finding), and a
 * table printed without a 二级 column gets no noQuantity, nor one with 产出 rows whose 二级 is blank or
 * unknown (they may be the 数量 rows). When the missing 一级 are all after the last one present (the
 * table ends early: 产出 and 效益, no 满意度), the table may stop there or be a partial copy (one printed
 * page, the first part pasted): one hint (`tailMissing`, capped at info) names what is absent; a 一级
 * missing between present ones is `level1Empty`. Under the 101 form a construction or environmental project without a
 * 社会成本 or 生态环境成本 row gets a hint (domain §a3, §a4), capped at info severity.
 */
export const rule: Rule = {
  meta: {
    id: "category-missing",
    type: "problem",
    defaultSeverity: "warning",
    messageIds: ["noIndicators", "level1Empty", "tailMissing", "noQuantity", "costKindMissing"],
    sources: ["domain §b8", "domain §g R2", "domain §a3", "domain §a4"],
    fixable: false,
    hasSuggestions: false,
    scope: "table",
    policy: "review",
    messagePolicy: { costKindMissing: "hint", tailMissing: "hint" },
    opinion: "指标不够完整",
    messageOpinion: { noQuantity: "建议增加明确产出指标" },
  },
  check(ctx) {
    const { table } = ctx;
    const rows = table.indicators;
    if (rows.length === 0) {
      ctx.report({ messageId: "noIndicators", cell: null });
      return;
    }
    const l1 = (r: Row) => l1Of(table.form, r);
    const anchor = rows[0].level1.cell ?? rows[0].name.cell;
    const { present, order, lastPresent, missingAll, tail } = categories(table);
    // A 一级 that could not be read may be the category that looks missing: level1-unknown says so once.
    const unplaced = present.has(null);
    // An unread 一级 above the rows of the last category present cannot be a category after it.
    const lastStart = lastPresent >= 0 ? rows.findIndex((r) => l1(r) === order[lastPresent]) : -1;
    const unplacedAtEnd = rows.some((r, i) => i > lastStart && l1(r) === null);
    const missing = unplaced && !(tail && !unplacedAtEnd) ? [] : missingAll;
    if (tail && missing.length > 0) {
      // The table ends before the form's last categories: a table that stops there, or a partial copy
      // (one printed page, the first part pasted). One hint names what is absent.
      ctx.report({ messageId: "tailMissing", cell: anchor, data: { last: order[lastPresent], missing: missing.join("、") } });
    } else {
      for (const level1 of missing) ctx.report({ messageId: "level1Empty", cell: anchor, data: { level1, form: table.form } });
    }
    const output = rows.filter((r) => l1(r) === "产出指标");
    const hasLevel2Column = table.indicatorHeader.columns.some((c) => c.role === "level2");
    // 二级 cells holding 一级 names (categories one column off) say nothing about 数量指标: level1-unknown.
    const shifted = output.some((r) => shiftedLevel1(r) !== null);
    // A row of 产出 (or of no readable 一级) with a blank or unknown 二级 may be the 数量 row.
    const unsortedOutput = rows.some((r) => l2Of(r) === null && (l1(r) === null || l1(r) === "产出指标"));
    if (hasLevel2Column && !shifted && !unsortedOutput && output.length > 0 && !output.some((r) => l2Of(r) === "数量指标")) {
      ctx.report({ messageId: "noQuantity", cell: output[0].level1.cell ?? anchor });
    }
    if (table.form === "101" && isConstructionOrEnvironment(table)) {
      const kinds = new Set(rows.filter((r) => l1(r) === "成本指标").map(l2Of));
      const missing = ["社会成本指标", "生态环境成本指标"].filter((k) => !kinds.has(k));
      if (missing.length > 0) {
        const costRow = rows.find((r) => l1(r) === "成本指标");
        ctx.report({
          messageId: "costKindMissing",
          cell: costRow?.level1.cell ?? anchor,
          data: { missing: missing.join("、") },
        });
      }
    }
  },
};
