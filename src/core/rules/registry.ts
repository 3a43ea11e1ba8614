import type { Rule } from "./types";
// One import per rule file; keep alphabetical. Each id must have docs/rules/<id>.md and catalog entries.
// @@rule-imports
import { rule as aimUnmeasured } from "./aim-unmeasured";
import { rule as complianceFloor } from "./compliance-floor";
import { rule as departmentBudget } from "./department-budget";
import { rule as goalUncovered } from "./goal-uncovered";
import { rule as measuresUnrelated } from "./measures-unrelated";
import { rule as taskUnquantified } from "./task-unquantified";
import { rule as workDoneRate } from "./work-done-rate";
import { rule as nonstandardWording } from "./nonstandard-wording";
import { rule as placeholderLeft } from "./placeholder-left";
import { rule as costAmountMissing } from "./cost-amount-missing";
import { rule as labelNonstandard } from "./label-nonstandard";
import { rule as yearMismatch } from "./year-mismatch";
import { rule as basisWeak } from "./basis-weak";
import { rule as copiedIndicators } from "./copied-indicators";
import { rule as duplicateGoal } from "./duplicate-goal";
import { rule as duplicateIndicator } from "./duplicate-indicator";
import { rule as goalRestatesName } from "./goal-restates-name";
import { rule as goalUnquantified } from "./goal-unquantified";
import { rule as multiMeasure } from "./multi-measure";
import { rule as nameEqualsDescription } from "./name-equals-description";
import { rule as planFrontLoaded } from "./plan-front-loaded";
import { rule as processIndicator } from "./process-indicator";
import { rule as qualitativeWithOperator } from "./qualitative-with-operator";
import { rule as quantityNotCount } from "./quantity-not-count";
import { rule as satisfactionValue } from "./satisfaction-value";
import { rule as timeWeak } from "./time-weak";
import { rule as vagueIndicator } from "./vague-indicator";
import { rule as budgetSum } from "./budget-sum";
import { rule as categoryMissing } from "./category-missing";
import { rule as codeFormat } from "./code-format";
import { rule as costExceedsBudget } from "./cost-exceeds-budget";
import { rule as level1Unknown } from "./level1-unknown";
import { rule as level2Mismatch } from "./level2-mismatch";
import { rule as operatorMissing } from "./operator-missing";
import { rule as operatorDirection } from "./operator-direction";
import { rule as operatorNonstandard } from "./operator-nonstandard";
import { rule as percentRange } from "./percent-range";
import { rule as planBlank } from "./plan-blank";
import { rule as planDecreasing } from "./plan-decreasing";
import { rule as planNot100 } from "./plan-not-100";
import { rule as planRange } from "./plan-range";
import { rule as requiredField } from "./required-field";
import { rule as templateUnfilled } from "./template-unfilled";
import { rule as unitMissing } from "./unit-missing";
import { rule as unitWording } from "./unit-wording";
import { rule as valueMissing } from "./value-missing";
import { rule as valueUnparsed } from "./value-unparsed";

export const ALL_RULES: readonly Rule[] = [
  // @@rule-list
  aimUnmeasured,
  complianceFloor,
  departmentBudget,
  goalUncovered,
  measuresUnrelated,
  taskUnquantified,
  workDoneRate,
  nonstandardWording,
  placeholderLeft,
  costAmountMissing,
  labelNonstandard,
  yearMismatch,
  basisWeak,
  copiedIndicators,
  duplicateGoal,
  duplicateIndicator,
  goalRestatesName,
  goalUnquantified,
  multiMeasure,
  nameEqualsDescription,
  planFrontLoaded,
  processIndicator,
  qualitativeWithOperator,
  quantityNotCount,
  satisfactionValue,
  timeWeak,
  vagueIndicator,
  budgetSum,
  categoryMissing,
  codeFormat,
  costExceedsBudget,
  level1Unknown,
  level2Mismatch,
  operatorMissing,
  operatorDirection,
  operatorNonstandard,
  percentRange,
  planBlank,
  planDecreasing,
  planNot100,
  planRange,
  requiredField,
  templateUnfilled,
  unitMissing,
  unitWording,
  valueMissing,
  valueUnparsed,
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
