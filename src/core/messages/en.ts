import type { zhCN } from "./zh-CN";

/** English catalog: the same keys as zh-CN.ts (checked by test/core/messages.test.ts). */
export const en: typeof zhCN = {
  rules: {
    "operator-direction": {
      title: "Operator points the wrong way",
      basis: "A quantity indicator is an output to deliver, so it takes a lower bound (≥); a cost indicator is spending to control, so it takes an upper bound (≤). A bound the other way round sets no target.",
      messages: {
        countCeiling: "The quantity indicator “{name}” has only an upper bound, “{raw}”, which promises no output; give a lower bound, e.g. “{example}”.",
        costFloor: "The cost indicator “{name}” has only a lower bound, “{raw}”, which does not control the cost; give an upper bound, e.g. “{example}”.",
      },
    },
    "template-unfilled": {
      title: "Table not filled in",
      basis: "Every category of indicators must be filled in (completeness, 完整性); a table holding only template text, or filled only in part, must be completed before it is submitted.",
      messages: {
        unfilled: "The indicators of this table are not filled in: {n} rows hold only template text ({cells}); write each indicator's name (三级指标) and target value.",
        stopsShort: "Only {present} indicators are filled in; {missing} have none. The table seems unfinished; please complete it.",
      },
    },
    // Structure and value rules: form, categories, values, units, money, spending plan, project code.
    "required-field": {
      title: "Required field is empty",
      basis: "A performance-target table must state the project name, the budget and the performance goal (the completeness criterion of target review).",
      messages: {
        projectName: "The project name (项目名称) is empty; write the project's full name.",
        budget: "The budget (预算数) is empty; write the project's annual budget amount.",
        budgetUnreadable: "The budget “{raw}” is not an amount; write only the number (e.g. 200000.00) and state the money unit in the header.",
        goal: "The performance goal (绩效目标) is empty; state what the project will produce and achieve this year, with numbers where possible.",
        indicatorName: "This row has the target value “{value}” but no indicator name (三级指标); write what is measured (e.g. “培训人次”), or the indicator cannot be assessed.",
        notFound: "No {fields} field was found in the table, so whether it is filled in cannot be checked; if the form prints it in another wording or place, check it, and if it is really absent, add it.",
      },
    },
    "level1-unknown": {
      title: "Unknown level-1 category",
      basis: "Level-1 categories come from the form in use: the 88/Hebei form has output, effect and satisfaction; the 101 form adds cost as a level-1 category.",
      messages: {
        unknown: "The level-1 category “{level1}” is not a standard category; use one of: {allowed}.",
        notInForm: "The level-1 category “{level1}” is not part of this table's form {form}; its level-1 categories are: {allowed}.",
        missing: "The indicator “{name}” has no level-1 category; use one of: {allowed}.",
        evaluation: "The level-1 category “{level1}” belongs to the evaluation framework (decision, process, output, effect); a target table's level-1 categories are usually: {allowed}. If your local system prints this form, leave it.",
        shifted: "Under the level-1 category “{level1}” the level-2 cells hold level-1 categories ({level2}): the categories are one column off; make {level2} the level-1 categories with level-2 categories under them.",
      },
    },
    "level2-mismatch": {
      title: "Level-2 category does not match its level-1",
      basis: "A level-2 category must belong to its level-1: output has quantity, quality, timeliness (and cost in the 88 form); effect has economic, social, ecological and sustainability; satisfaction has beneficiary satisfaction; the 101 form's cost has economic, social and environmental cost.",
      messages: {
        missing: "The indicator “{name}” has no level-2 category; under “{level1}” use one of: {allowed}.",
        unknown: "The level-2 category “{level2}” is not a standard category; under “{level1}” use one of: {allowed}.",
        mismatch: "The level-2 category “{level2}” does not belong to “{level1}”; under “{level1}” use one of: {allowed}.",
        costMoved: "This table follows the 101 form with cost as a level-1 category, so “{level2}” should not stay under “{level1}”; move it under 成本指标 as 经济成本指标.",
      },
    },
    "category-missing": {
      title: "Category without indicators",
      basis: "Every level-1 category needs at least one indicator and output needs a quantity indicator; under the 101 form, construction and environmental projects should consider social or environmental cost indicators.",
      messages: {
        noIndicators: "The table has no indicators; add indicators for output, effect and satisfaction (and cost under the 101 form).",
        level1Empty: "The table has no indicator under “{level1}”; every level-1 category needs at least one indicator.",
        tailMissing: "The indicators stop after “{last}”: there is none for {missing}. If this is the whole table (not a copy or print of its first part), complete it: every level-1 category needs at least one indicator.",
        noQuantity: "Output has no quantity indicator (数量指标); add one that counts what is actually produced (items, area, people served).",
        costKindMissing: "This is a construction or environmental project and its cost indicators lack {missing}; consider caps on side effects such as dust and noise.",
      },
    },
    "value-missing": {
      title: "Target value is empty",
      basis: "Every indicator needs a target value, otherwise it cannot be assessed (completeness).",
      messages: {
        missing: "The indicator “{name}” has no target value; write a target (e.g. ≥95%, ≥200人次) or a qualitative grade.",
      },
    },
    "value-unparsed": {
      title: "Target value not recognised",
      basis: "Targets are written as operator + number + unit where measurable, otherwise as a graded qualitative value (好/较好/一般, 达到/基本达到); anything else cannot be scored.",
      messages: {
        unparsed: "The target value “{raw}” is neither a numeric target nor a standard qualitative grade; write operator + number + unit (e.g. ≥95%) or a grade such as 好/较好/一般 or 达到/基本达到.",
        options: "The value “{raw}” lists {n} grades ({levels}), as if the form's options were copied without choosing one. Keep only the grade this project aims for, e.g. “{first}”, or give a numeric target.",
      },
    },
    "placeholder-left": {
      title: "Template placeholder left in",
      basis: "A table states real content; the template's hints “XX”, “××”, “**”, “＿＿”, “(≥**人)” must be replaced by real values or deleted, otherwise the indicator cannot be assessed.",
      messages: {
        placeholder: "“{token}” in “{text}” is a template placeholder; enter the real content and delete the placeholder ({count} in this table: {cells}).",
      },
    },
    "cost-amount-missing": {
      title: "Cost indicator without an amount",
      basis: "A cost indicator shows budget cost control and states an amount that can be checked (a total such as “≤20万元” or a unit cost such as “≤500元/人”); “控制在预算内”, “不超预算” or “合理” cannot be checked and are no grade.",
      messages: {
        noAmount: "The cost indicator “{name}” has the value “{raw}”, which states no amount to check. Write a total (e.g. “≤20万元”) or a unit cost (e.g. “≤500元/人”).",
        rateOnly: "The cost indicator “{name}” has the value “{raw}”, a rate, and no economic cost indicator of this table states an amount to check against the budget. Write a total (e.g. “≤20万元”) or a unit cost (e.g. “≤500元/人”).",
      },
    },
    "label-nonstandard": {
      title: "Category label written in a non-standard way",
      basis: "Level-1 and level-2 labels use the standard category names (产出指标, 效益指标, 满意度指标, 成本指标 and their level-2 kinds); scores, numbering, older or regional names are read as the standard category, and writing them the standard way is recommended.",
      messages: {
        score: "The category “{label}” carries a score and was read as “{canonical}”; scores belong in the weight column. {count} non-standard category labels in this table: {cells}.",
        numbering: "The category “{label}” carries numbering and was read as “{canonical}”. {count} non-standard category labels in this table: {cells}.",
        marker: "The category “{label}” carries a marker and was read as “{canonical}”. {count} non-standard category labels in this table: {cells}.",
        note: "The category “{label}” carries a template note in brackets, read as “{canonical}”; delete the note when filling in. {count} non-standard category labels in this table: {cells}.",
        merged: "The level-2 label “{label}” merges several kinds and was read as “{canonical}”; one kind per row is recommended. {count} non-standard category labels in this table: {cells}.",
        alias: "The category “{label}” is an older or regional name, read as “{canonical}”; use the standard name. {count} non-standard category labels in this table: {cells}.",
        inferred: "The level-1 category is blank and was read as “{canonical}” from the level-2 “{level2}” below it; fill it in. {count} non-standard category labels in this table: {cells}.",
      },
    },
    "unit-wording": {
      title: "Unit written as a word",
      basis: "Units are written with their standard symbol or name: 百分比 is written %.",
      messages: {
        wordUnit: "The target value “{raw}” writes its unit as “{unitRaw}”; write “{unit}”: {fixed}",
        peopleInGe: "“{name}” counts people, but its value “{raw}” counts them in 个; use “{unit}”.",
        moneyMagnitude: "The target value “{raw}” was read as {fixed} (an amount of money); write the money unit in full: {fixed}",
        latinUnit: "The target value “{raw}” was read as {fixed}; write the unit “{unitRaw}” by its Chinese name “{unit}”: {fixed}",
      },
    },
    "operator-nonstandard": {
      title: "Non-standard operator",
      basis: "Operators are written ≥, ≤, =, >, < (± for a tolerance); forms such as >=, ≧, 以上, 不少于, 以内, 不超过 are replaced by the standard symbol so that self-evaluation scores the direction correctly.",
      messages: {
        nonstandard: "In the target value “{raw}”, write “{opRaw}” as the standard “{op}”: {fixed}",
      },
    },
    "operator-missing": {
      title: "Operator missing",
      basis: "A numeric target states whether it is a floor, a cap or an exact value (≥, ≤ or =); self-evaluation scores positive and negative indicators differently.",
      messages: {
        missing: "The target value “{raw}” has no operator, so it is unclear whether it is a floor, a cap or an exact value; write ≥, ≤ or =, e.g. “{example}”.",
      },
    },
    "unit-missing": {
      title: "Unit missing",
      basis: "A numeric target needs a unit (%, 人, 个, 万元 …), otherwise the number means nothing.",
      messages: {
        missing: "The target value “{raw}” was read as a number without a unit, so its meaning is unclear; add the unit (e.g. 人, 个, %, 万元).",
        magnitude: "The target value “{raw}” was read as {reading}: it gives the magnitude “{magnitude}” but no unit ({magnitude}人, {magnitude}元 or something else?); add the unit.",
        missingRate: "The indicator “{name}” is a rate but its target value “{raw}” lacks “%”; write “{example}”.",
      },
    },
    "percent-range": {
      title: "Percentage out of range",
      basis: "Rates such as pass or on-time rates cannot exceed 100%; a floor of ≥100% cannot be exceeded, so write =100% or a reachable floor.",
      messages: {
        over100: "The target value “{raw}” is above 100%; a rate cannot exceed 100%, please check.",
        floor100: "The target value “{raw}” asks for 100% or more, which no result can exceed; write “=100%” or a reachable floor (e.g. ≥95%).",
      },
    },
    "cost-exceeds-budget": {
      title: "Cost indicator above the budget",
      basis: "Cost targets follow the expenditure standards and may not exceed the project's budget (compared after converting 元 and 万元).",
      messages: {
        exceeds: "The cost indicator “{name}” targets “{raw}”, read as {reading} ({amount} 元), above the project's budget of {budget}; a cost cannot exceed the budget.",
        perPeriod: "The cost indicator “{name}” targets “{raw}”, read as {reading}; over the implementation period “{period}” written in {periodCell} ({months} months) that is {total}, above the project's budget of {budget}.",
        perPeriodAssumed: "The cost indicator “{name}” targets “{raw}”, read as {reading}; the table states no implementation period, and over {months} months that is {total}, above the project's budget of {budget}. Check the cost standard or state the period.",
        unitTimesQuantity: "The unit cost “{raw}” of “{name}” times “{quantity}” of “{quantityName}” ({quantityCell}) comes to about {total}, well above the project's budget of {budget}; the cost standard and the quantity do not agree.",
      },
    },
    "budget-sum": {
      title: "Budget does not equal its sources",
      basis: "The budget (预算数) equals fiscal funds (财政资金) plus other funds (其他资金); only filled parts are compared: “-”, “/” and “无” count as 0, a blank does not.",
      messages: {
        mismatch: "The budget {total} {unit} does not equal fiscal funds {fiscal} plus other funds {other} = {sum} (difference {diff}); please check.",
        partsExceed: "The filled sources add up to {sum} {unit} (fiscal {fiscal}, other {other}), more than the budget {total} {unit}; please check.",
        partBlank: "{partEn} is blank; the filled sources add up to {sum} {unit}, {diff} less than the budget {total} {unit}. If there are no {partEn}, write 0.",
        sourcesBlank: "Neither fiscal funds nor other funds is filled in, so the sources of the budget cannot be checked; fill them in (0 when there are none).",
        fiscalUnreadable: "Fiscal funds (财政资金) “{raw}” is not an amount, so the budget cannot be checked; write only the number.",
        otherUnreadable: "Other funds (其他资金) “{raw}” is not an amount, so the budget cannot be checked; write only the number, or 0 when there are none.",
      },
    },
    "plan-range": {
      title: "Spending plan out of range",
      basis: "The spending plan gives the cumulative share of the annual budget spent by each checkpoint, so every value lies between 0% and 100%.",
      messages: {
        outOfRange: "The spending plan at “{label}” is “{raw}”; it must lie between 0% and 100% (cumulative share of the annual budget).",
        unreadable: "The spending plan at “{label}” reads “{raw}”, which is not a percentage; write e.g. “50%”.",
      },
    },
    "plan-decreasing": {
      title: "Spending plan decreases",
      basis: "The spending plan is cumulative, so 3月底 ≤ 6月底 ≤ 10月底 ≤ 12月底.",
      messages: {
        decreasing: "The spending plan is cumulative, but “{label}” ({value}) is below “{prevLabel}” ({prevValue}); a later checkpoint cannot be lower (blanks count as 0%).",
      },
    },
    "plan-not-100": {
      title: "Year-end spending plan is not 100%",
      basis: "A one-year project spends its whole budget by year end (12月底 = 100%); cross-year (carried-over) projects are exempt.",
      messages: {
        not100: "The spending plan at year end (12月底) is {value}; a one-year project should reach 100%. Mark the project as cross-year if it carries over.",
        blank: "The spending plan at year end (12月底) is empty; a one-year project should reach 100%.",
      },
    },
    "plan-blank": {
      title: "Spending plan checkpoint left blank",
      basis: "Every spending-plan checkpoint is filled in; write 0% where nothing is spent yet, so it is not taken for an omission.",
      messages: {
        blank: "The spending plan at “{label}” is blank; if nothing is spent by then, write “0%” explicitly.",
      },
    },
    "code-format": {
      title: "Unusual project code",
      basis: "Project codes usually have 21 characters: a 6-digit area code, 2-digit year, a letter (usually P), 11 digits and a check letter. The structure is inferred from published codes, so this is advisory and the check letter is not judged.",
      messages: {
        format: "The project code “{code}” ({length} characters) does not follow the usual structure: 6-digit area code + 2-digit year + letter + 11 digits + check letter, 21 in all; please check.",
        area: "The project code “{code}” starts with the area code “{area}”, which is not a valid province-level division code; please check.",
        year: "The project code “{code}” carries the year digits “{digits}”, which do not match the budget year {year} (expected “{expected}”); please check.",
        letter: "The 9th character of the project code “{code}” is “{letter}”; project codes usually have “P” there (for reference only).",
      },
    },
    // Content rules: wording, duplicates and copies, goals, plausibility of targets.
    "nonstandard-wording": {
      title: "Indicator name is not standard wording",
      basis: "The indicator library holds the standard wordings of published target tables and common indicator lists (domain §e). Self-invented names are often unclear about what is measured and get tables sent back; where a standard wording is close, use it and state how the value is computed (domain §b1). A hint only: the officer judges whether the meaning is the same.",
      messages: {
        alias: "“{name}” is a common non-standard way of writing “{suggestion}” ({level2}); use the standard wording (unit: {unit}, typical value: {typical}). Other close indicators: {others}.",
        close: "“{name}” is not standard wording in the indicator library; the closest standard indicator is “{suggestion}” ({level2}, unit: {unit}, typical value: {typical}). If it means the same, use the standard wording. Other close indicators: {others}.",
      },
    },
    "year-mismatch": {
      title: "Project year differs from the budget year",
      basis: "Digits 7–8 of the project code are the budget year (domain §d, well supported); prior-year work paid from this year's budget should be declared as carried-over or settlement money (domain §f7, §f31, inferred).",
      messages: {
        nameYear: "“{text}” names the year {nameYear}, but this table's budget year is {year}. If the project pays for work finished in an earlier year, say in the fund use that it is carried-over or settlement money and set indicators for the finished work; otherwise correct the year in the project name.",
      },
    },
    "process-indicator": {
      title: "Process measure used as an output or effect indicator",
      basis: "Fund transfer, arrival, budget execution, compliant use, account adjustments and balances are fund-management process measures: the 财预〔2020〕10号 evaluation framework files them under 过程 (recalled, not checked against the text), and budget execution is scored on its own (10 points) in self-evaluation. As outputs or effects they show no output and count twice. See domain §b5, §a2 and the 反例 rows of the indicator library.",
      messages: {
        funds: "“{name}” ({level1}/{level2}) measures fund transfer or budget execution: a process measure, not this project's output or effect, and budget execution is scored separately in self-evaluation. Use an indicator of what is actually produced, e.g. quantity “活动场次 =1场”, quality “验收合格率 =100%”, or a completion date.",
        compliance: "“{name}” ({level1}/{level2}) is the minimum requirement of compliant spending or approval, a process matter, not a performance output. Remove the row and state what the project delivers, e.g. work completed, people served or the acceptance rate.",
        accounting: "“{name}” ({level1}/{level2}) is an accounting result (account adjustments, balances) unrelated to the project's output or effect. Remove the row and use an output or effect indicator.",
      },
    },
    "name-equals-description": {
      title: "Description repeats the indicator name",
      basis: "The indicator description should define the measure and how it is computed; repeating the 三级 name adds nothing (domain §b12, §f9; reviewer practice, inferred).",
      messages: {
        same: "The description only repeats the indicator name “{name}”. State how it is measured, e.g. “验收合格的工程量占完成工程量的比例” (accepted work as a share of work completed).",
      },
    },
    "duplicate-indicator": {
      title: "Duplicate indicator",
      basis: "The same indicator twice in one table is scored twice and shows the indicators were not worked out (domain §b12, §g R8; inferred).",
      messages: {
        sameRow: "Indicator “{name}” is identical to the one in {first} (same name, description and value) and would be scored twice. Delete this row or replace it with a different output or effect indicator.",
        sameName: "Indicator name “{name}” repeats the one in {first}. An indicator should appear once per table; if the two rows measure different things, give them names that tell them apart.",
      },
    },
    "duplicate-goal": {
      title: "Repeated goal lines",
      basis: "The 绩效目标 should state concretely what the year will produce and achieve (S-FSOU1/2: 指向明确, 具体细化); identical lines say one thing several times (domain §b10, §f6).",
      messages: {
        repeated: "Goal lines {linesEn} say the same thing (“{text}”): {count} lines, one statement. Merge them and state what the project will produce and achieve this year, e.g. “年内完成道路硬化2.5公里” or “举办开工活动1场，参会企业50家以上”.",
      },
    },
    "copied-indicators": {
      title: "Indicators or goal copied from another project",
      basis: "Each project's indicators must match its own content and budget (the 相关性 and 适当性 criteria of the 88号 review; detail recalled); a table copied from another project, down to its cost indicator, fails both (domain §f8, §f6).",
      messages: {
        copied: "{count} of this table's {total} indicators have the same name and value as those of “{project}” ({sheet}!{range}); the table looks copied. Set indicators that fit this project's own work and budget; quantity and cost indicators must reflect its actual workload and costs.",
        copiedGoal: "The goal is identical to that of “{project}” ({sheet}!{range}). Write this project's own year target: what, how much, to what effect.",
      },
    },
    "vague-indicator": {
      title: "Vague indicator name",
      basis: "Indicators must be specific and quantified (S-FSOU1/2; the 88号 wording is recalled); a question, a slogan, a placeholder or a name holding its own value cannot be assessed (domain §b5, §b1, §f15–17, §f26).",
      messages: {
        placeholder: "Indicator name “{name}” is template text or a bare number, not an indicator. Enter a real name, e.g. “培训人次” (trainee attendances) or “道路硬化里程” (km of road surfaced).",
        question: "Indicator name “{name}” is a yes/no question: it cannot be measured and does not match the value “{value}”. Rephrase it as a measurable statement, e.g. “新增签约企业数 ≥3家” or “新增绿化面积 ≥2000平方米”; if it cannot be quantified, make it a qualitative indicator with graded levels.",
        goalSentence: "Indicator name “{name}” is a goal sentence, not a measurable indicator. Name the thing to be measured, e.g. “新增入驻企业数” or “营商环境满意度”, and give it a value.",
        methodPhrase: "Indicator name “{name}” describes a way of working, not what is measured. Name the measured object, e.g. for cost “工程建设成本” (construction cost) or “机械租赁单价” (rental rate per machine), and give it a value such as “≤300万元”.",
        embeddedValue: "Indicator name “{name}” contains its own target. Move the figure to the value column and keep only what is measured in the name, e.g. name “培训合格率”, value “≥95%”.",
        abstractRate: "“{name}” measures an abstract effect but is given a percentage “{value}” with no countable numerator or denominator. Use a countable indicator (e.g. “受益人口数”, “设施完好率”) or define the ratio in the description.",
        sloganRate: "“{name}” is a slogan, not something that can be measured; a target of “{value}” cannot be assessed. Name what is measured (e.g. “参与活动群众人次”, “矛盾纠纷化解率”).",
        sloganBlank: "“{name}” is a slogan, not something that can be measured, and no target value is given, so it cannot be assessed at year end. Name what is measured and give a target (e.g. “参与活动群众人次 ≥500人次”, “矛盾纠纷化解率 ≥95%”).",
        emptyGrade: "The value “{value}” of “{name}” says neither what is judged nor on which scale, so it cannot be assessed; give a measurable target, or a subject with a grade (e.g. “群众出行条件明显改善”).",
      },
    },
    "satisfaction-value": {
      title: "Unsuitable satisfaction indicator",
      basis: "Published tables set satisfaction targets between ≥85% and ≥98%, most often ≥90%; the respondents should be external beneficiaries (domain §b6, §g R7; reviewer practice, no rule text found).",
      messages: {
        hundred: "Satisfaction “{name}” targets “{value}”: no survey finds everyone satisfied, so the row is bound to lose points. Set a realistic target, usually “≥90%” or “≥95%”.",
        tooHigh: "Satisfaction “{name}” targets “{value}”, above 98%, which real surveys rarely reach. Usual targets are “≥90%” to “≥95%”.",
        tooLow: "Satisfaction “{name}” targets “{value}”, below 80%, which sets no real target. Usual targets are “≥85%” to “≥95%”.",
        qualitative: "Satisfaction “{name}” has the qualitative value “{value}”, which cannot be compared with survey results. Write a percentage such as “≥90%” and name the respondents and the survey method in the description.",
        selfRated: "“{name}” is the implementing unit rating itself and says nothing about those served. Use the beneficiaries' satisfaction, e.g. “参会企业满意度” or “受益群众满意度”, with a target such as “≥90%”.",
        noRespondent: "“{name}” does not say who is asked. Name the respondents, e.g. “受益群众满意度” or “参训人员满意度”, and give the survey method (questionnaire, sample) in the description.",
        underBenefit: "The satisfaction indicator “{name}” is filed under “{level1} — {level2}”; it belongs under the 一级 “满意度指标”, 二级 “服务对象满意度指标”.",
        repeated: "“{name}” asks the same respondents as “{first}”: the satisfaction indicator is repeated; keep one.",
      },
    },
    "basis-weak": {
      title: "Weak basis for the target value",
      basis: "Benchmarks are 计划标准 (plan), 行业标准 (industry), 历史标准 (history) and other standards accepted by the finance department (S-360); 预算支出标准 applies to cost rows only (practice of integrated budget systems). A document number can evidence a plan standard; a narrative sentence cannot (domain §b9, §f20, §f24–26).",
      messages: {
        empty: "The basis of “{name}” is empty. State the benchmark type (计划标准, 行业标准, 历史标准, 其他标准) or the document number it rests on.",
        narrative: "The basis “{basis}” of “{name}” is descriptive text, not a benchmark type or a document. Write “计划标准”, “行业标准”, “历史标准” or “其他标准”, optionally with its source, e.g. “计划标准（年度工作计划）”.",
        budgetStandardNotCost: "“{name}” is not a cost indicator, so “预算支出标准” (the expenditure standard, for cost values only) is not its basis. Use 计划标准, 行业标准 or 历史标准.",
        sameForAll: "All {count} indicators of this table cite the same basis “{basis}”, which says nothing about how each value was set. Give each row its benchmark type, e.g. 计划标准 for quantities, 历史标准 for satisfaction, 预算支出标准 for cost.",
      },
    },
    "time-weak": {
      title: "Time indicator without a clear date",
      basis: "A time (时效) target needs a concrete date, a period or a rate such as the on-time completion rate; a bare month, “长期”, “全年” or “及时” cannot be checked at year end (domain §b11, §g R13; observed practice and inference).",
      messages: {
        noYear: "Time indicator “{name}” has the value “{value}”: a month or quarter without a year, so timeliness cannot be judged. Write a date, e.g. “{example}”.",
        vague: "Time indicator “{name}” has the value “{value}”, which names no point in time. Write a completion date (e.g. “{example}”), a period, or a rate (e.g. “按时完成率 ≥95%”).",
        noDate: "Time indicator “{name}” has the value “{value}”, which is neither a date, a period nor a rate. Write a completion date (e.g. “{example}”), or use “按时完成率 ≥95%” or “10个工作日内”.",
      },
    },
    "work-done-rate": {
      title: "Department indicator only counts work done",
      basis: "“工作完成率100%” or “及时率100%” describes the work process, not an output or effect, and states no quantity (domain §f1, §b5; inferred).",
      messages: {
        workDone: "Indicator “{name}” ({value}) only counts whether the work was done: a process, not an output or effect, and it is always reported as 100%. Use a countable output (e.g. “上报信息80条”) or an effect.",
      },
    },
    "compliance-floor": {
      title: "Compliance floor used as a target",
      basis: "Not diverting, occupying or withholding funds is a floor every budget must meet; meeting it says nothing about outputs or effects (domain §f3, §b5; inferred).",
      messages: {
        floor: "“{text}” is a floor of lawful spending, not a performance target; meeting it says nothing about this year's outputs or effects. Remove the row (compliance is checked by financial supervision) and state outputs and effects instead.",
      },
    },
    "aim-unmeasured": {
      title: "Department aim without an indicator",
      basis: "Each aim of the department's overall targets needs an indicator that measures it, or it cannot be evaluated (domain §a5 completeness, §f department level; inferred).",
      messages: {
        unmeasured: "Aim {line} “{aim}” of the overall targets is measured by no indicator and cannot be evaluated at year end. Add at least one quantified output or effect indicator for it.",
        unmeasuredPartial: "Aim {line} “{aim}” of the overall targets is measured by none of the indicators in this table. The indicators stop before the form's last category: if the rest was only not copied, check that it measures this aim; otherwise add at least one quantified output or effect indicator for it.",
      },
    },
    "task-unquantified": {
      title: "Main task without a quantified indicator",
      basis: "Each main task (分项 target) of a department needs at least one quantified output or effect indicator (domain §f1, §b1; inferred).",
      messages: {
        unmeasured: "Main task “{task}” has no indicator. Add at least one quantified indicator (quantity, quality or effect).",
        unquantified: "The {count} indicators of main task “{task}” are all “completion / timeliness rate 100%” or have no figure: no quantified output or effect. Add at least one countable indicator (times, items, households, amount).",
        unmeasuredPartial: "Main task “{task}” has no indicator among those in this table. The indicators stop before the form's last category: if the rest was only not copied, check that it holds a quantified indicator for this task; otherwise add one.",
        unquantifiedPartial: "The {count} indicators of main task “{task}” in this table are all “completion / timeliness rate 100%” or have no figure. The indicators stop before the form's last category: if the rest was only not copied, check that it holds a quantified indicator for this task; otherwise add a countable one (times, items, households, amount).",
      },
    },
    "department-budget": {
      title: "Department project spending differs from the project tables",
      basis: "The department budget's project spending should equal the sum of its project tables' budgets (domain §a5 completeness); a workbook may hold only some projects, hence a warning.",
      messages: {
        mismatch: "The department table states project spending of {stated}{unit}, while the {count} project tables of this workbook sum to {sum}{unit}. Check for a missing project table or a wrong department budget.",
      },
    },
    "goal-uncovered": {
      title: "Project goal outside the department's aims",
      basis: "A project's goal should serve one of the department's annual aims (relevance, domain §a5); aims are broad, so this is only a hint.",
      messages: {
        uncovered: "This project's goal “{goal}” shares no keyword with any of the {aims} aims of the department table; it is unclear which department aim it serves. Check the project's link to the department's duties.",
      },
    },
    "measures-unrelated": {
      title: "Safeguard measures copied from another body's template",
      basis: "The 工作保障措施 should state this department's own measures; text about 征管, 税收 or 财政收入任务 is usually copied from a finance bureau's template (domain §f5, relevance).",
      messages: {
        taxTemplate: "The safeguard measures mention “{word}”, a duty of finance and tax bodies, not of “{unit}”. Rewrite the measures for this department's duties.",
      },
    },
    "multi-measure": {
      title: "Several measures in one indicator",
      basis: "One indicator measures one thing with one value, so that each can be scored (domain §b12, §f2; inferred).",
      messages: {
        several: "Indicator “{name}” packs {count} measures ({measuresEn}) under one value, which cannot be scored separately. Split it into {count} rows, one measure and one value each.",
      },
    },
    "goal-restates-name": {
      title: "Goal line only repeats the project name",
      basis: "A goal states what the year will produce and achieve, not the project's name (domain §b10; inferred).",
      messages: {
        restates: "Goal line {line} “{text}” only repeats the project name “{project}” and states no result. Say what will be produced and achieved this year, e.g. “年内完成3个子项目建设，验收合格率100%”.",
      },
    },
    "goal-unquantified": {
      title: "Goal without any figure",
      basis: "The goal should be quantified where possible, stating the year's outputs and effects in line with the indicators and the budget (S-FSOU1/2; S-360 年度目标; domain §b10, §b1).",
      messages: {
        noNumber: "The goal ({lines} lines) contains no quantity, amount or date, only purposes, so it cannot be checked at year end. State what the year will produce and achieve, e.g. “年内完成道路硬化2.5公里” or “举办开工活动1场，参会企业50家以上”.",
      },
    },
    "qualitative-with-operator": {
      title: "Qualitative value with an operator",
      basis: "Qualitative indicators are graded; ≥ and ≤ apply to numbers only, and an operator on a grade cannot be scored as 正向/反向 (domain §b4, §a2; inferred).",
      messages: {
        operator: "The value “{value}” of “{name}” puts “{op}” before a qualitative grade, which cannot be scored. Drop the operator and write “{grade}”, or give a number such as “≥90%” if it can be measured.",
      },
    },
    "quantity-not-count": {
      title: "Quantity indicator without a quantity",
      basis: "A 数量 indicator counts work done: a number with a count or physical unit; a rate, an amount of money or a qualitative word is not a quantity (domain §b12, §b3, §f10, §f23; inferred).",
      messages: {
        rate: "“{name}” is a rate ({value}), not a quantity. A quantity indicator states the work done, e.g. “会场搭建面积 ≥500平方米” or “租赁机械 ≥5台”; rates belong under quality or time indicators.",
        percent: "Quantity indicator “{name}” has the percentage “{value}”, which does not say how much is done. Give the quantity and its unit, e.g. “≥2.5公里”, “≥3个”, “≥1200平方米”.",
        money: "Quantity indicator “{name}” has the amount “{value}”; amounts are cost indicators. Give the quantity done, e.g. “≥5台” or “≥200人次”.",
        qualitative: "Quantity indicator “{name}” has the qualitative value “{value}”. Give the quantity and its unit, e.g. “≥3场” or “≥200人次”.",
      },
    },
    "plan-front-loaded": {
      title: "Whole budget spent in the first quarter",
      basis: "The spending plan is cumulative; a one-year project spends with its progress (time-proportional yardstick ≈25%/50%/83%/100%); 100% by end of March means the money pays for something already done (domain §c, §f7; inferred).",
      messages: {
        allInQ1: "The spending plan is already {m3} at the end of March: the whole budget goes out in the first quarter. If the money pays for work finished in an earlier year, mark it as carried-over (结转) or settlement funds and set indicators on the completed work; if the project runs during the year, plan by progress (e.g. 25% by March, 50% by June).",
      },
    },
  },
  severity: { error: "error", warning: "warning", info: "info" },
  ui: {
    // @@ui
    pane: {
      appName: "Performance Target Assistant",
      connecting: "Connecting to Office…",
      notInExcel: "Open this add-in in Excel",
      notInExcelBody: "The Performance Target Assistant runs inside Excel. Workbooks can also be checked from the command line:",
      starting: "Reading the workbook…",
      tabs: { tables: "Tables", check: "Check", library: "Indicators", plan: "Spending plan", settings: "Settings" },
      settings: {
        selfTestTitle: "Self-test",
        selfTestBody: "Checks, on a temporary sheet, every way this add-in reads and writes Excel ({n} cases), then removes everything it added (sheet, names, settings, fills). Live checking pauses meanwhile.",
        run: "Run the self-test",
        running: "Self-test running… {done}/{total}",
        summary: "Passed {pass} · failed {fail} · skipped {skip}",
        environment: "Excel {build} · {platform} · ExcelApi 1.{api}",
        copy: "Copy the results",
        copied: "Copied",
        failed: "The self-test could not run: {error}",
        cleanup: "Cleaning up ran into a problem: {error}",
        status: { pass: "pass", fail: "fail", skip: "skip" },
      },
      severityName: { error: "Errors", warning: "Warnings", info: "Hints" },
      dismiss: "Dismiss",
      tables: {
        detect: "Detect in workbook",
        detecting: "Detecting…",
        mapSelection: "Map the selection",
        count: "{n} tables",
        none: "No performance-target table was found in the workbook. Select a table (including its indicator header row) and choose “Map the selection”.",
        detected: "detected",
        mapped: "mapped",
        form: "form {form}",
        indicators: "{n} indicators",
        noName: "(no project name)",
        noUnitName: "(no department name)",
        department: "Department",
        lost: "not recognised",
        removeMapping: "Remove mapping",
        emptySheets: "Sheets without a table: {sheets}",
        broken: "Broken mappings",
        removeBroken: "Remove",
      },
      convert: {
        action: "Convert to indicator table",
        hint: "Select the cells of one 分项 block (or one cell of text) to turn its indicators into a standard indicator table.",
        title: "Convert to indicator table",
        block: "From: {range}",
        rows: "{n} indicator rows; edit or delete any of them",
        level1: "Level 1",
        level2: "Level 2",
        name: "Indicator",
        value: "Target value",
        reason: "Suggested because: {reason}",
        source: "Source: {text}",
        remove: "Delete this row",
        target: "Insert",
        newSheet: "on a new sheet",
        below: "below the selection (new rows; nothing is overwritten)",
        sheetName: "指标表",
        insert: "Insert table",
        cancel: "Cancel",
      },
      mapping: {
        title: "Map the selection",
        block: "Range: {range}",
        headerRow: "Indicator header row",
        row: "Row {n}: {text}",
        columns: "Role of each column",
        column: "Column {col}",
        emptyLabel: "(no header)",
        sample: "e.g. {text}",
        save: "Save mapping",
        cancel: "Cancel",
        missing: "Still to assign: {roles}",
        duplicate: "Roles given to more than one column: {roles}",
        roles: {
          level1: "Level-1 category",
          level2: "Level-2 category",
          name: "Indicator name (level 3)",
          description: "Description",
          op: "Operator",
          value: "Target value",
          unit: "Unit",
          basis: "Basis of the value",
          weight: "Weight / score",
          direction: "Direction",
          ignore: "(not used)",
        },
      },
      check: {
        summary: "Errors {error} / Warnings {warning} / Hints {info}",
        noTables: "No table yet. Detect or map tables on the Tables tab.",
        noIssues: "No issues found.",
        tableIssues: "{n} issues",
        workbook: "Workbook",
        highlight: "Mark issues on the cells",
        clearMarks: "Remove all marks",
        undo: "Undo last change",
        undoWhat: "Can undo: {label}",
        details: "Details",
        showIssues: "Show issues",
        hideDetails: "Hide",
        ruleLabel: "Rule: {title} ({rule})",
        basis: "Basis: {basis}",
        fixOne: "Apply fix",
        fixAll: "Fix all of this kind ({n})",
        fixGroup: "Fix all ({n})",
        groupCells: "{n} cells:",
        fixTo: "Suggested: {text}",
        preview: "These cells will change:",
        apply: "Apply",
        cancel: "Cancel",
        more: "Show {n} more",
        protected: "Sheet “{sheets}” is protected: its cells cannot be marked or fixed; the issues are still listed below. Unprotect the sheet (Review → Unprotect Sheet) to allow marks.",
        jump: "Go to {sheet}!{cell}",
      },
      notice: {
        tableLost: "Table “{name}” ({range}) can no longer be recognised; it may have been overwritten or deleted. Detect again if needed.",
        bigSheet: "Sheet “{sheet}” is large ({rows} rows); checking may take a moment.",
        sheetClipped: "Sheet “{sheet}” has a used range of {used}, too large to read whole; only its top-left part {read} was checked. This is usually a stray value far from the tables (Ctrl+End finds it): delete the extra rows and columns to check the whole sheet.",
        marksCapped: "Many issues: only the {n} most important cells are marked.",
        fixApplied: "{n} cells changed; “Undo last change” restores them.",
        undone: "Last change undone ({n} cells).",
        fixStale: "The cells changed after the preview; preview the fix again.",
        selectTable: "First select the whole table in the sheet (at least two rows and columns, including the indicator header row).",
        selectionTooLarge: "The selection is too large ({rows} rows); select one table only.",
        mappingNoTable: "No table can be read with this mapping; check the header row and the column roles.",
        mappingSaved: "Mapping saved: {range}",
        brokenDropped: "{n} broken mappings removed.",
        fixOne: "fix {cell}",
        fixRule: "fix all “{title}” ({n})",
        planWritten: "write the spending plan ({name})",
        planStale: "The plan cells changed after you confirmed; check them and confirm again.",
        planUnchanged: "The table's spending plan already has these values; nothing to write.",
        converted: "insert an indicator table ({n} rows, {range})",
        convertRefused: {
          noText: "The selection holds no text. Select the cells of one 分项 block, or one cell of text.",
          noRows: "No indicator was found in the selected text (such as “上报信息80条” or “完成率100%”).",
          empty: "Keep at least one indicator row.",
          protected: "Sheet “{sheet}” is protected: rows cannot be inserted there. Insert on a new sheet, or unprotect the sheet first.",
        },
        libraryInserted: "insert {n} indicators ({name})",
        libraryReplaced: "replace with the standard wording “{name}”",
        libraryImported: "{n} custom indicators imported, {skipped} rows skipped; saved with the workbook.",
        libraryImportFailed: "Nothing was imported ({skipped} rows skipped); see the import report.",
        libraryCleared: "The workbook's custom library was removed.",
        libraryRefused: {
          protected: "Sheet “{sheet}” is protected: indicator rows cannot be inserted or changed. Unprotect the sheet first.",
          noTable: "The table cannot be found; detect the tables again on the Tables tab.",
          unknownEntry: "The chosen indicator is not in the library.",
          noRow: "The selected cell is not on an indicator row of a table.",
          unchanged: "The row already has the standard wording of “{name}”.",
          noColumns: "The table has no “{column}” column; nothing was inserted.",
          noCategory: "“{name}” ({level2}) has no category in the {form} form; nothing was inserted.",
          merged: "Inserting would break the merged cells {range}; nothing was inserted. Unmerge them first.",
          noEntries: "Choose the indicators to insert first.",
          failed: "The operation failed; the table was not changed.",
        },
      },
      library: {
        search: "Search indicators (name, alias, pinyin or initials)",
        level1: "Level 1",
        level2: "Level 2",
        type: "Project type",
        all: "All",
        results: "{n} results",
        noResults: "No matching indicator.",
        loading: "Loading the library…",
        definition: "Definition",
        unit: "Unit",
        typical: "Typical value",
        direction: "Direction",
        types: "Project types",
        provenance: "Source",
        sourceLevel: {
          official: "Government site",
          standard: "Per standard",
          document: "Document",
          reposted: "Re-posted, to be verified",
          "common-practice": "Common practice",
          custom: "Custom",
        },
        sourceAddress: "original address",
        contextTitle: "Indicators for this table",
        contextTable: "Suggest for table",
        valueHint: "Enter the value of “{name}” in {cell}. Typical: {typical}; unit: {unit}.",
        noUnit: "(qualitative or date)",
        table: "Target table",
        insert: "Insert into table",
        insertHint: "The indicators go to the end of their level-1/level-2 block in the table.",
        valueMode: "Value",
        valueEmpty: "Leave empty for me",
        valueTypical: "Typical value (marked for review)",
        replace: "Replace current row",
        replaceHint: "Select an indicator row in the sheet to see standard wordings.",
        readSelection: "Read the selected row",
        suggestionsFor: "Standard wordings for “{name}”:",
        noSuggestions: "No close standard wording found.",
        noTables: "No table found yet. Detect or map tables on the Tables tab.",
        custom: "Custom library ({n} entries)",
        importFile: "Import from a file (.csv / .json)",
        importRange: "Import from the selection",
        xlsxInPane: "The add-in cannot read .xlsx files: open the file in Excel, select the indicator block and use “Import from the selection”, or run library --import file.xlsx on the command line.",
        export: "Export the library (CSV)",
        clearCustom: "Remove the custom library",
        report: "Import report: {n} imported, {skipped} rows skipped.",
        skippedRow: "Row {row}: {reason} ({detail})",
        missingColumns: "Required columns missing: {columns}; nothing was imported.",
        skipReason: {
          missingName: "no indicator name",
          missingLevel2: "no level-2 category",
          badLevel2: "unknown level-2 category",
          badLevel1: "unknown level-1 category",
          levelMismatch: "level 1 and level 2 do not match",
          oddUnit: "unknown unit",
          unitMismatch: "the value's unit contradicts the unit column",
          badDirection: "unknown direction",
          badRange: "invalid range",
          badId: "invalid id",
          duplicate: "duplicate of an earlier row",
          invalid: "invalid content",
        },
      },
      // @@pane-plan
      plan: {
        table: "Table",
        noTables: "No table yet. Detect or map tables on the Tables tab.",
        profile: "Spending profile",
        start: "Start month",
        end: "End month",
        month: "Payment month",
        milestones: "Payment milestones",
        milestoneMode: "Milestone values",
        modes: { share: "Share (%)", yuan: "Amount (元)", wanyuan: "Amount (万元)" },
        milestoneDate: "Date of milestone {n}",
        milestoneValue: "Value of milestone {n}",
        datePlaceholder: "2024-03 or 3",
        milestoneHint: "Dates as 2024-03, 2024年3月 or 3 (a month alone is in the budget year); shares must add up to 100; milestones after the budget year are paid after December (cross-year).",
        addMilestone: "Add milestone",
        removeMilestone: "Remove milestone {n}",
        year: "Budget year (optional)",
        monthly: "Monthly spending",
        monthlyHint: "Blank counts as 0; only the proportions between months matter.",
        crossYear: "Cross-year project (跨年/结转)",
        recurring: "Recurring operating project (check 50% by the end of June)",
        decimals: "Percentages with one decimal",
        preview: "Preview (not written yet)",
        checkpoint: "Checkpoint",
        percent: "Cumulative",
        money: "Cumulative amount ({unit})",
        current: "In the table",
        empty: "(blank)",
        budget: "Budget: {budget} {unit}",
        noBudget: "The table has no budget (预算数); amounts are not shown.",
        chart: "Cumulative spending by month end (%)",
        chartLabel: "Cumulative spending: end of March {m3}%, June {m6}%, October {m10}%, December {m12}%; the dashed line is time progress 25%, 50%, 83%, 100%.",
        ticks: { m3: "Mar", m6: "Jun", m10: "Oct", m12: "Dec" },
        legendPlan: "This plan",
        legendTime: "Time progress",
        checks: "Checks",
        noIssues: "No issues found.",
        write: "Write into the table",
        confirmTitle: "These cells are not empty and will be overwritten:",
        confirm: "Overwrite and write",
        cancel: "Cancel",
        willWrite: "Writes {cells}; each cell keeps its kind and number format.",
        cellChange: "{cell} ({label}): {before} → {after}",
        cannotWrite: "Cannot write: {reason}",
        errors: {
          profileMissing: "Choose a spending profile",
          milestonesMissing: "Enter at least one payment milestone (a date and a share or amount)",
          monthlyMissing: "Enter the monthly amounts",
          monthMissing: "Choose the payment month",
          crossYearNotAllowed: "{share}% is paid after December, so December cannot reach 100%; tick “Cross-year project” if the project runs into next year",
        },
      },
    },
  },
  cli: {
    // @@cli
    extract: {
      usage: {
        file: "Give one workbook (.xlsx, .xls, .et, .ods or .csv): jixiao extract file.xlsx --sheet Sheet --range A1:B20",
        sheetRange: "Give the range of the text to convert with --sheet and --range",
        badRange: "Range “{value}” is not understood; write it as A1:B20",
        badFormat: "--format is json or xlsx, not “{value}”",
        out: "--format xlsx needs a new file name with --out",
        outExists: "File “{file}” exists; give another name so that nothing is overwritten",
      },
      unreadable: "Cannot read “{file}”: {detail}",
      noSheet: "No sheet named “{sheet}” (sheets: {sheets})",
      sheetName: "指标表",
      written: "Wrote {rows} indicator rows to {file}",
      reason: {
        library: "library entry “{entry}” ({why})",
        count: "the value counts in “{unit}”: a quantity",
        timely: "the name says 及时: timeliness",
        rate: "the value is a rate: quality, to confirm",
        floor: "a compliance floor: quality, better removed",
        none: "cannot tell; choose one",
      },
    },
    library: {
      reason: {
        exact: "the standard name",
        alias: "“{key}” is a common way of writing it",
        prefix: "the name starts with the query",
        contains: "the name contains the query",
        containedIn: "the query contains the standard name “{key}”",
        fuzzy: "close to “{key}”",
        pinyinInitials: "pinyin initials match",
        pinyinFull: "pinyin matches",
        pinyin: "pinyin matches",
        definition: "the definition contains the query",
        browse: "matches the filters",
        level2: "same 二级 as the row ({level2})",
        level1: "same 一级 as the row ({level1})",
        projectType: "for {type} projects (the project mentions “{hits}”)",
        typeMatch: "for {type} projects",
        general: "a general indicator",
      },
      skip: {
        missingName: "no 三级 indicator name",
        missingLevel2: "no 二级 category ({detail})",
        badLevel2: "unknown 二级 category: {detail}",
        badLevel1: "unknown 一级 category: {detail}",
        levelMismatch: "the 二级 does not belong to the 一级: {detail}",
        oddUnit: "unknown unit: {detail}",
        unitMismatch: "the value's unit differs from the unit column: {detail}",
        badDirection: "direction must be 正向 or 反向: {detail}",
        badRange: "range must be written like 85-98: {detail}",
        badId: "ids cannot contain spaces: {detail}",
        duplicate: "duplicate of row {detail} (same id, or same name and 二级)",
        invalid: "incomplete entry: {detail}",
      },
      error: {
        noHeader: "no header row found (it needs a column such as 三级指标 or 指标名称)",
        missingColumns: "required columns missing: {columns}; nothing was imported",
        rowsSkipped: "{count} rows could not be read; in strict mode nothing was imported",
      },
      field: {
        id: "id",
        level1: "一级 category",
        level2: "二级 category",
        name: "三级 indicator",
        definition: "definition",
        unit: "unit",
        op: "operator",
        typical: "value",
        range: "range",
        direction: "direction",
        types: "project types",
        aliases: "aliases",
        provenance: "source",
      },
      results: "Matches for “{query}” ({count}):",
      noResults: "No indicator in the library matches “{query}”.",
      resultLine: "{n}. {name}  [{level1}/{level2}]  unit: {unit}  typical: {typical}  score: {score}",
      resultReason: "   why: {reason}",
      resultSource: "   source: {source}",
      context: {
        header: "Suggested indicators for “{name}” (table {table}):",
        type: "Project type: {type} (the project name, purpose or goals mention “{hits}”)",
        noType: "No project type could be inferred from the project name, purpose and goals; general indicators follow.",
        missing: "The table has no {category} ({block})",
        processOnly: "The table has no real {category} ({block}): “{names}” is a process indicator",
        forType: "; indicators for {type} projects:",
        forGeneral: "; general indicators:",
        typeFit: "Other indicators for {type} projects:",
        none: "Every category of the table is filled; the library has no further suggestion for it.",
        entryLine: "  {n}. {name}  [{level1}/{level2}]  typical: {typical}  unit: {unit}",
      },
      listHeader: "The indicator library has {count} entries:",
      imported: "Merged the custom library {file}: {count} entries imported, {skipped} rows skipped.",
      skippedRow: "  row {row}: {reason}",
      importFailed: "Could not import the custom library {file}: {reason}",
      exported: "Exported the library ({count} entries): {path}",
      sheetName: "指标库",
      usage: {
        noQuery: "give the indicator name to look up, e.g. jixiao suggest \"培训人数\"",
        badLimit: "--limit must be a positive integer, got: {value}",
        unknownType: "unknown project type: {value}. Known types: {valid}",
        badLevel: "unknown indicator category: {value}",
        badImport: "--import reads workbooks (.xlsx, .xlsm, .xls, .et, .ods), .csv or .json files, got: {value}",
        badOut: "--out writes .xlsx or .csv files, got: {value}",
        unexpectedArg: "the {cmd} command takes no argument “{arg}”",
        forWithQuery: "--for suggests for a table; give no text to look up with it",
        badTable: "--table must be a table number from 1 to {count}, got: {value}",
        noTables: "no performance target table found in {file}",
        tableWithoutFor: "--table goes with --for <file.xlsx>",
      },
    },
    plan: {
      help: `jixiao plan — builds a spending plan (资金支出计划) from how the money is paid: the cumulative
share of the budget spent by the end of March, June, October and December

Usage:
  jixiao plan --profile even|front|back|milestones|monthly|once [options]

Profiles (--profile):
  even        equal spending every month from the start month to the end month
  front       front-loaded: monthly spending falls linearly (most in the first month, least in the last)
  back        back-loaded: monthly spending rises linearly (least in the first month, most in the last)
  milestones  payment dates: --milestones "2024-03:30,2024-09:60,2024-12:10" (shares adding up to 100)
              or amounts "2024-03:90万,2024-09:180万,2024-12:30万" (元, 万元, 万)
  monthly     monthly amounts: --monthly "a,b,…" (12 numbers, January to December)
  once        a single payment: --month 6

Options:
  --start 1 --end 12        first and last month for even/front/back (default 1 to 12; an end month of
                            13 to 24 means January to December of the next year: a cross-year project)
  --milestones list         dates as 2024-03, 2024/3, 2024年3月 or 3月; milestones before the budget year
                            count as paid before the year starts, those after it are paid after December
  --year 2024               budget year of the milestones (default: the earliest year among them)
  --monthly a,b,…           spending in each of the 12 months
  --month 6                 payment month for once (1 to 12)
  --budget 3000000          the budget (预算数); prints the cumulative amounts too
  --unit 元|万元            the budget's unit (default 元; amounts to the fen or to 0.0001 万元)
  --decimals 0|1            decimals of the percentages (default 0)
  --cross-year              cross-year (结转) project: 12月底 may stay below 100%
  --recurring               recurring operating project: check 6月底 against the time yardstick (50%)
  --floor-m6 50             minimum for 6月底 in percent; checked when given
  --format text|json        output format (default text)
  --lang zh-CN|en           output language (default zh-CN)

Exit code: 0 = plan printed; 2 = a bad parameter.`,
      profiles: {
        even: "even",
        front: "front-loaded",
        back: "back-loaded",
        milestones: "payment milestones",
        monthly: "monthly amounts",
        once: "single payment",
      },
      month: "month {m}",
      nextYearMonth: "month {m} of the next year",
      span: "{from} to {to}",
      onceAt: "paid in {month}",
      milestoneCount: "{n} milestones",
      twelveMonths: "January to December",
      title: "Spending plan ({profile}: {detail})",
      labels: { m3: "end of March", m6: "end of June", m10: "end of October", m12: "end of December" },
      columns: { checkpoint: "checkpoint", percent: "cumulative %", exact: "schedule", money: "cumulative amount ({unit})" },
      budget: "Budget: {budget} {unit}",
      series: "Cumulative at each month end (%): ",
      crossYear: "Cross-year project: {value} by the end of December, the rest is paid next year.",
      checks: "Checks: ",
      noIssues: "no issues",
      notes: {
        paidBefore: "Milestones before the budget year ({share}%) count as paid before the year starts and are included in every checkpoint.",
        crossYearShare: "{share}% is paid after the end of December (cross-year).",
        amountMismatch: "The amounts add up to {total} {unit}, not the budget of {budget} {unit}; the plan follows their proportions.",
      },
      check: {
        belowFloor: "The spending plan's {label} is {value}, below the time-progress yardstick of {floor} (half the year, half the money); a recurring project should spend evenly.",
      },
      errors: {
        profileMissing: "Choose a profile with --profile: {valid}",
        profileUnknown: "Unknown profile \"{value}\"; choose one of {valid}",
        startRange: "The start month must be a whole number from 1 to 12, got \"{value}\"",
        endRange: "The end month must be a whole number from 1 to 24 (13 to 24 = January to December of the next year), got \"{value}\"",
        startAfterEnd: "The start month ({start}) cannot be after the end month ({end})",
        monthMissing: "A single payment needs its month (--month 1 to 12)",
        monthRange: "The payment month must be a whole number from 1 to 12, got \"{value}\"",
        milestonesMissing: "Give the payment milestones, e.g. --milestones \"2024-03:30,2024-09:60,2024-12:10\"",
        milestoneBad: "Cannot read the milestone \"{item}\"; write \"year-month:share\" or \"year-month:amount元/万元\", e.g. \"2024-03:30\"",
        milestoneYear: "The year of the milestone \"{item}\" must be from 2000 to 2100",
        milestonesMixed: "Milestones cannot mix shares and amounts: write all as shares (30) or all as amounts (90万)",
        sharesNot100: "The milestone shares add up to {sum}%, not 100% (write a part paid next year on a next-year date)",
        negative: "\"{item}\" cannot be negative",
        zeroTotal: "Nothing is spent (the total is 0), so there is no share to compute",
        monthlyMissing: "Give the 12 monthly amounts, e.g. --monthly \"0,0,10,10,10,10,10,10,10,10,10,10\"",
        monthlyCount: "Monthly amounts need 12 numbers (January to December), got {n}",
        monthlyBad: "\"{item}\" in the monthly amounts is not a number",
        crossYearNotAllowed: "{share}% is paid after the end of December, so 12月底 cannot reach 100%; for a cross-year (结转) project add --cross-year",
        badBudget: "The budget must be an amount above 0, got \"{value}\"",
        badUnit: "The money unit must be 元 or 万元, got \"{value}\"",
        badDecimals: "Decimals must be 0 or 1, got \"{value}\"",
        badYear: "The budget year must be a four-digit year from 2000 to 2100, got \"{value}\"",
        badFloor: "The time-progress floor must be a number from 0 to 100, got \"{value}\"",
        noPlan: "This table has no spending-plan cells (3月底/6月底/10月底/12月底)",
        planCellMissing: "This table's spending plan has no \"{label}\" cell",
        badValues: "The spending-plan value \"{value}\" for {label} is not a valid percentage",
        unexpectedArg: "The plan command takes no argument \"{arg}\"",
      },
    },
    help: `jixiao — checks project performance-target tables (项目支出绩效目标表)

Usage:
  jixiao check <workbook | folder>... [options]    check the tables in the workbooks (.xlsx .xlsm .xls .et .ods .csv)
  jixiao rules [--lang en] [--format json]         list every rule (id, default severity, title)
  jixiao plan --profile even|front|back|…          build a spending plan (cumulative % at 3/6/10/12月底); see jixiao plan --help
  jixiao suggest "<name>" [--level1 …] [--level2 质量指标] [--type 会议] [--limit 10] [--import file] [--format json]
                                                   look up standard wording in the indicator library (also by pinyin or initials, e.g. xmyshgl)
  jixiao suggest --for <file.xlsx> [--table N] [--limit 5] [--format json]
                                                   suggestions for the N-th table: its project type, then the categories it lacks (or fills with process indicators only)
  jixiao library [--format json] [--import file.xlsx|xls|ods|csv|json] [--out library.xlsx]
                                                   list the library; --import merges a custom library first, --out exports the merged library
  jixiao extract <workbook> --sheet S --range A9:A28 [--format json|xlsx] [--out new.xlsx]
                                                   turn indicators written as prose (e.g. a department's 分项 blocks) into a standard table, one measure per row
  jixiao --help | --version

Options of check:
  --format text|json        output format (default text; json is for other programs)
  --rules id,id             run only these rules
  --severity id=level,...   change severities; level is error|warning|info|off (off switches the rule off)
  --year 2022               budget year (used by the project-code and time checks)
  --library file.xlsx|xls|ods|csv|json
                            a custom indicator library, merged over the built-in one: indicator names are
                            compared with it (a name it holds is standard) and it feeds the suggestions;
                            same format as jixiao library --import
  --out path                write an annotated copy: flagged cells filled (red = error, amber = warning,
                            blue = info) with a note holding the messages. With one input file the path
                            is the copy's file name; with several files or a folder it is a directory
                            and each copy keeps its file name. The input is never modified.
  --lang zh-CN|en           output language (default zh-CN)
  --group-by table|code     list the findings of the text report per table (default) or per reviewers'
                            opinion code (the 11 codes of the review module)
  --opinions file.xlsx      write the opinion workbook: one row per finding (file, project, level 1 / 2 /
                            indicator, cell, opinion code, opinion text) for a reviewer to edit and return
  --jobs N                  files checked at once (worker threads; default: the number of cores);
                            the report's order does not change
  --timeout seconds         time limit per file (default 120, 0 = none); a file over it is reported
                            as unreadable and the others go on
  --summary file.csv|.json  also write a summary: one row per file (file, status, tables, errors,
                            warnings, infos)
  --max-size MiB            size cap per file (default 50)

Reads .xlsx, .xlsm, .xls (Excel 97–2003), .et (WPS), .ods and .csv (UTF-8 or GBK); the annotated
copy of a file in another format than .xlsx is written as .xlsx.
Folders are searched recursively for these files (sorted by path; ~$ lock files are skipped).
Exit code: 0 = no errors; 1 = error-severity issues found; 2 = a file could not be read or the usage
is wrong (every other file is still checked).`,
    usageHint: "Run jixiao --help for usage.",
    usage: {
      unknownCommand: "unknown command: {cmd}",
      unknownOption: "unknown option: {opt}",
      missingValue: "option {opt} needs a value",
      noInputs: "give the .xlsx files or folders to check",
      badFormat: "--format must be text or json, got: {value}",
      badLang: "--lang must be zh-CN or en, got: {value}",
      unknownRule: "unknown rule id: {ids}. Valid rules: {valid}",
      badSeverity: "--severity takes rule-id=error|warning|info|off, wrong item: {item}",
      badYear: "--year must be a four-digit year (e.g. 2022), got: {value}",
      badLibrary: "--library reads workbooks (.xlsx, .xlsm, .xls, .et, .ods), .csv or .json files, got: {value}",
      outIsInput: "--out must not point at an input file: {file}",
      badGroupBy: "--group-by must be table or code, got: {value}",
      badOpinions: "--opinions writes an .xlsx file, got: {value}",
      opinionsIsInput: "--opinions must not point at an input file: {file}",
      badJobs: "--jobs must be a positive whole number, got: {value}",
      badTimeout: "--timeout must be a number of seconds (0 = none), got: {value}",
      badSummary: "--summary must name a .csv or .json file, got: {value}",
      badMaxSize: "--max-size must be a positive number of MiB, got: {value}",
    },
    groupLine: "{title}: {n} cells ({cells}), e.g.: {message}",
    codeHeader: "[{code}] {n} findings",
    opinions: {
      sheetName: "Opinions",
      columns: { file: "File", project: "Project", level1: "Level 1", level2: "Level 2", level3: "Indicator", cell: "Cell", code: "Opinion code", opinion: "Opinion" },
      written: "Wrote the opinion workbook ({n} rows): {path}",
      failed: "Could not write the opinion workbook {path}: {detail}",
      group: "{n} cells ({cells}), e.g.: {message}",
    },
    file: "File: {file}",
    table: "Table {n}",
    projectName: "project",
    projectCode: "code",
    departmentTable: "department table (部门整体支出绩效目标表)",
    unitName: "department",
    form: { "88": "form 88 (cost under output)", "101": "form 101 (cost as a top-level category)" },
    blank: "(blank)",
    noIssues: "no issues found",
    noTable: "Sheet \"{sheet}\": no table found",
    noSheets: "the workbook has no worksheets",
    fixHint: "fix: {fix}",
    fileSummary: "Subtotal: tables {tables}, indicators {indicators}; errors {errors}, warnings {warnings}, infos {infos}",
    total: "Total: files {files}, tables {tables}, indicators {indicators}; errors {errors}, warnings {warnings}, infos {infos}",
    totalFailed: "; {failed} file(s) could not be read",
    fileError: "{file}: cannot read — {reason}",
    readError: {
      missing: "no such file or folder",
      empty: "the file is empty (0 bytes)",
      encrypted: "the file is password-protected (encrypted); remove the password, then check again",
      notXlsx: "not a workbook the checker reads (.xlsx .xlsm .xls .et .ods .csv): {detail}",
      corrupt: "the file is damaged and cannot be opened as a workbook ({detail})",
      unreadable: "the file cannot be read ({detail})",
      noXlsxInFolder: "the folder holds no workbook the checker reads (.xlsx .xlsm .xls .et .ods .csv)",
      notFileOrFolder: "neither a regular file nor a folder",
      tooLarge: "the file is larger than the checker accepts ({detail}); raise the cap with --max-size if it must be checked",
      sheetTooLarge: "a sheet's used range has more cells than the checker accepts ({detail}); usually a stray value far from the table: delete the extra rows and columns, then check again",
      unsafe: "the file's structure is abnormal and is refused for safety ({detail}); open it in Excel or WPS, save it as .xlsx and check that",
      timeout: "checking took longer than {detail} s and was stopped; change the limit with --timeout",
      crashed: "the worker checking this file stopped ({detail}); the file was skipped — please report it with the file",
      internal: "the checker failed on this file ({detail}); please report it with the file",
    },
    sniff: {
      png: "it looks like a PNG image",
      jpeg: "it looks like a JPEG image",
      gif: "it looks like a GIF image",
      pdf: "it looks like a PDF document",
      text: "it looks like a text file",
      zip: "a zip archive without an Excel workbook in it",
      office: "an Office document, but not a spreadsheet",
      unknown: "unknown file format",
    },
    rulesColumns: { id: "rule id", severity: "default severity", title: "title" },
    fixable: "fixable",
    outWrittenAsXlsx: "annotated copy written: {path} (the input is {format}; the copy is an .xlsx)",
    summaryFailed: "cannot write the summary {path}: {detail}",
    progress: "checked {done}/{total} files in {secs} s: {file}",
    outWritten: "annotated copy written: {path}",
    outFailed: "cannot write the annotated copy {path}: {detail}",
  },
};
