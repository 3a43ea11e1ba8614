/** The valid GOOD_INDICATORS table must stay quiet under every content rule (wording, duplicates, goals, plausibility). */
import { runRules } from "../../src/core/rules/engine";
import { makeTable } from "../helpers/table";
import { rule as basisWeak } from "../../src/core/rules/basis-weak";
import { rule as copiedIndicators } from "../../src/core/rules/copied-indicators";
import { rule as duplicateGoal } from "../../src/core/rules/duplicate-goal";
import { rule as duplicateIndicator } from "../../src/core/rules/duplicate-indicator";
import { rule as goalRestatesName } from "../../src/core/rules/goal-restates-name";
import { rule as goalUnquantified } from "../../src/core/rules/goal-unquantified";
import { rule as multiMeasure } from "../../src/core/rules/multi-measure";
import { rule as nameEqualsDescription } from "../../src/core/rules/name-equals-description";
import { rule as planFrontLoaded } from "../../src/core/rules/plan-front-loaded";
import { rule as processIndicator } from "../../src/core/rules/process-indicator";
import { rule as qualitativeWithOperator } from "../../src/core/rules/qualitative-with-operator";
import { rule as quantityNotCount } from "../../src/core/rules/quantity-not-count";
import { rule as satisfactionValue } from "../../src/core/rules/satisfaction-value";
import { rule as timeWeak } from "../../src/core/rules/time-weak";
import { rule as vagueIndicator } from "../../src/core/rules/vague-indicator";
import { ALL_RULES } from "../../src/core/rules/registry";
import { seedTable1, seedTable2, seedTable3 } from "./_seed-tables";

const RULES = [
  basisWeak, copiedIndicators, duplicateGoal, duplicateIndicator, goalRestatesName, goalUnquantified, multiMeasure,
  nameEqualsDescription, planFrontLoaded, processIndicator, qualitativeWithOperator, quantityNotCount,
  satisfactionValue, timeWeak, vagueIndicator,
];

test("GOOD_INDICATORS table: no issue from any of these rules", () => {
  expect(runRules([makeTable()], { rules: RULES })).toEqual([]);
});

test("every content rule is registered", () => {
  for (const r of RULES) expect(ALL_RULES).toContain(r);
});

test("the seed workbook: hits per rule", () => {
  const issues = runRules([seedTable1(), seedTable2(), seedTable3()], { rules: RULES });
  const count = (rule: string, table: number) => issues.filter((i) => i.rule === rule && i.table === table).length;
  const perTable = (rule: string) => [0, 1, 2].map((t) => count(rule, t));
  expect(Object.fromEntries(RULES.map((r) => [r.meta.id, perTable(r.meta.id)]))).toEqual({
    "basis-weak": [1, 1, 6],
    "copied-indicators": [0, 2, 0],
    "duplicate-goal": [1, 1, 0],
    "duplicate-indicator": [0, 0, 0],
    "goal-restates-name": [0, 0, 0],
    "goal-unquantified": [1, 1, 1],
    "multi-measure": [0, 0, 0],
    "name-equals-description": [6, 6, 0],
    "plan-front-loaded": [1, 1, 0],
    "process-indicator": [3, 3, 0],
    "qualitative-with-operator": [0, 0, 0],
    "quantity-not-count": [1, 1, 1],
    "satisfaction-value": [2, 2, 0],
    "time-weak": [0, 0, 2],
    "vague-indicator": [3, 3, 4],
  });
});

describe("docs and catalogs of the content rules", () => {
  const fs = jest.requireActual("fs") as typeof import("fs");
  const path = jest.requireActual("path") as typeof import("path");
  const { CATALOGS } = jest.requireActual("../../src/core/messages") as typeof import("../../src/core/messages");
  const SEV_ZH = { error: "错误", warning: "警告", info: "提示" } as const;
  test.each(RULES.map((r) => [r.meta.id, r] as const))("%s", (id, r) => {
    const doc = fs.readFileSync(path.join(__dirname, "../../docs/rules", `${id}.md`), "utf8");
    expect(doc.startsWith(`# ${id}\n`)).toBe(true);
    for (const h of ["## 检查什么 (What)", "## 为什么 (Why)", "## 依据 (Basis)", "## 错误示例 (Bad)", "## 正确示例 (Good)"])
      expect(doc).toContain(h);
    const sev = r.meta.defaultSeverity;
    expect(doc).toContain(`严重性 / Severity: **${SEV_ZH[sev]} / ${sev}**`);
    for (const locale of ["zh-CN", "en"] as const) {
      const entry = (CATALOGS[locale].rules as Record<string, { title: string; basis: string; messages: Record<string, string> }>)[id];
      expect(entry.title).toBeTruthy();
      expect(entry.basis).toBeTruthy();
      expect(Object.keys(entry.messages).sort()).toEqual([...r.meta.messageIds].sort());
    }
    // every message id is documented by name
    for (const m of r.meta.messageIds) if (r.meta.messageIds.length > 1) expect(doc).toContain(`\`${m}\``);
  });
});
