import type { TableView } from "../controller/types";
import type { Translate } from "../i18n";

/**
 * A table's title in the pane: a project table's 项目名称, a department table's 部门（单位）名称 (it
 * has no project name), or a note that the name is not filled in.
 */
export function tableTitle(tb: Pick<TableView, "kind" | "projectName" | "unitName">, t: Translate): string {
  if (tb.kind === "department") return tb.unitName ?? t("tables.noUnitName");
  return tb.projectName ?? t("tables.noName");
}
