/**
 * zh-CN catalog (the primary language). `rules[id]` holds the title, the basis and one template per
 * message id the rule declares; placeholders are {name}. en.ts must have exactly the same keys.
 */
export const zhCN = {
  rules: {
    "operator-direction": {
      title: "运算符号方向不对",
      basis: "数量指标是要完成的产出，应写下限（≥）；成本指标是要控制的支出，应写上限（≤）。只写反方向的界限，目标就失去了约束。",
      messages: {
        countCeiling: "数量指标“{name}”的指标值“{raw}”只给了上限，等于不承诺完成多少；完成数量应写下限，如“{example}”。",
        costFloor: "成本指标“{name}”的指标值“{raw}”只给了下限，成本没有控制住；成本应写上限，如“{example}”。",
      },
    },
    "template-unfilled": {
      title: "表格未填写完整",
      basis: "绩效目标表的每一类指标都要填写（绩效目标审核的“完整性”要求）；只有模板内容或只填了一部分的表格应补全后再报送。",
      messages: {
        unfilled: "本表的绩效指标还没有填写：{n}行只有模板内容（{cells}），请逐项填写三级指标名称和指标值。",
        stopsShort: "本表只填写了{present}的指标，{missing}下没有填写指标，表格似乎没有填完，请补全。",
      },
    },
    // Structure and value rules: form, categories, values, units, money, spending plan, project code.
    "required-field": {
      title: "必填项为空",
      basis: "绩效目标表的项目名称、预算数和绩效目标必须填写（绩效目标审核的“完整性”要求，见财政部对88号办法的说明）。",
      messages: {
        projectName: "项目名称未填写，请填写项目全称。",
        budget: "预算数未填写，请填写本项目的年度预算金额。",
        budgetUnreadable: "预算数“{raw}”不是有效金额，请只填写数字（如 200000.00），金额单位在表头注明。",
        goal: "绩效目标未填写，请写明本年度要完成的产出和要达到的效果，尽量量化。",
        indicatorName: "这一行填了指标值“{value}”，但三级指标名称是空的，请写明考核什么（如“培训人次”），否则该指标无法考核。",
        notFound: "表中没有找到{fields}栏，无法核对是否已填写；如表中另有写法或位置，请核对，如确实没有，请补上。",
      },
    },
    "level1-unknown": {
      title: "一级指标不规范",
      basis: "一级指标应为所用表式规定的类别：88号（河北）表式为产出、效益、满意度指标；101号表式另设成本指标为一级。",
      messages: {
        unknown: "一级指标“{level1}”不是规定的类别，应为：{allowed}。",
        notInForm: "一级指标“{level1}”不属于本表采用的{form}号表式，本表式的一级指标为：{allowed}。",
        missing: "指标“{name}”没有填写一级指标，应为{allowed}之一。",
        evaluation: "一级指标“{level1}”是绩效评价（决策、过程、产出、效益）框架的类别，目标表的一级指标一般为：{allowed}；如这是本地系统规定的表式，可不修改。",
        shifted: "一级指标“{level1}”下的二级指标写的是一级类别（{level2}），一级、二级指标错了一列：请以{level2}作一级指标，下面再填二级指标。",
      },
    },
    "level2-mismatch": {
      title: "二级指标与一级指标不对应",
      basis: "二级指标须属于其一级指标：产出下为数量、质量、时效（88号表式还有成本）指标，效益下为经济、社会、生态效益和可持续影响指标，满意度下为服务对象满意度指标；101号表式的成本指标下为经济、社会、生态环境成本指标。",
      messages: {
        missing: "指标“{name}”没有填写二级指标，“{level1}”下应为：{allowed}。",
        unknown: "二级指标“{level2}”不是规定的类别，“{level1}”下应为：{allowed}。",
        mismatch: "二级指标“{level2}”不属于一级指标“{level1}”，“{level1}”下应为：{allowed}。",
        costMoved: "本表按101号表式设有一级“成本指标”，二级“{level2}”不应再放在“{level1}”下，请移到一级“成本指标”下，写作“经济成本指标”。",
      },
    },
    "category-missing": {
      title: "指标类别缺失",
      basis: "每个一级指标下至少应有一项三级指标，产出指标中应有反映实际产出的数量指标；101号表式中，有负面影响的工程、环境类项目宜设社会成本或生态环境成本指标。",
      messages: {
        noIndicators: "本表没有任何绩效指标，请按产出、效益、满意度（101号表式另含成本）逐类填写。",
        level1Empty: "本表没有“{level1}”类的指标，每个一级指标下至少应有一项三级指标。",
        tailMissing: "本表的指标到“{last}”为止，没有{missing}的指标。如果这就是整张表（不是只复制或打印了前一部分），请补全：每个一级指标下至少应有一项三级指标。",
        noQuantity: "产出指标中没有数量指标，请补充反映实际产出数量的指标（如完成个数、面积、人次）。",
        costKindMissing: "本项目属于工程建设或环境类项目，成本指标中没有{missing}，可考虑补充扬尘、噪声等负面影响的控制指标。",
      },
    },
    "value-missing": {
      title: "指标值为空",
      basis: "每一项三级指标都要有指标值，否则无法考核（绩效目标审核的“完整性”要求）。",
      messages: {
        missing: "指标“{name}”没有填写指标值，请填写目标值（如 ≥95%、≥200人次）或定性等级。",
      },
    },
    "value-unparsed": {
      title: "指标值无法识别",
      basis: "指标值能量化的用“运算符号+数值+单位”表示，不能量化的用分级分档的定性表述（如 好/较好/一般、达到/基本达到），否则无法评价打分。",
      messages: {
        unparsed: "指标值“{raw}”既不是数值目标，也不是规范的定性等级，请写成“运算符号+数值+单位”（如 ≥95%），或写成“好/较好/一般”“达到/基本达到”等等级。",
        options: "指标值“{raw}”列出了{n}个等级（{levels}），像是照抄了表格模板的选项，没有选定目标。请只保留本项目要达到的一个等级，如“{first}”，或改为数值目标。",
      },
    },
    "placeholder-left": {
      title: "模板占位符未删除",
      basis: "绩效目标表应填写实际内容；模板中的“XX”“××”“**”“＿＿”“（≥**人）”等占位提示须替换为实际数值或删除，否则指标无法考核。",
      messages: {
        placeholder: "“{text}”中的“{token}”是模板占位符，请填写实际内容并删除占位符（本表共{count}处：{cells}）。",
      },
    },
    "cost-amount-missing": {
      title: "成本指标没有金额",
      basis: "成本指标反映预算成本控制，应写明可核对的金额（总成本如“≤20万元”，或单位成本如“≤500元/人”）；“控制在预算内”“不超预算”“合理”等表述无法核对，也不是定性等级。",
      messages: {
        noAmount: "成本指标“{name}”的指标值“{raw}”没有金额，无法核对成本。请写明总成本（如“≤20万元”）或单位成本（如“≤500元/人”）。",
        rateOnly: "成本指标“{name}”的指标值“{raw}”是比率，本表的经济成本指标没有一项写明金额，无法与预算数核对。请写明总成本（如“≤20万元”）或单位成本（如“≤500元/人”）。",
      },
    },
    "label-nonstandard": {
      title: "指标类别写法不规范",
      basis: "一级、二级指标应使用规范的类别名称（产出指标、效益指标、满意度指标、成本指标及其下的二级指标）；分值、序号、旧版或地方名称已按规范类别识别，建议统一写法。",
      messages: {
        score: "指标类别“{label}”带有分值，已读作“{canonical}”；分值宜填在权重（分值）栏。本表共{count}处类别写法不规范：{cells}。",
        numbering: "指标类别“{label}”带有序号，已读作“{canonical}”。本表共{count}处类别写法不规范：{cells}。",
        marker: "指标类别“{label}”带有标记符号，已读作“{canonical}”。本表共{count}处类别写法不规范：{cells}。",
        note: "指标类别“{label}”带有括号中的模板说明，已读作“{canonical}”；填报时宜删去说明文字。本表共{count}处类别写法不规范：{cells}。",
        merged: "二级指标“{label}”合并了几类指标，已读作“{canonical}”；建议按类分行填写。本表共{count}处类别写法不规范：{cells}。",
        alias: "指标类别“{label}”是旧版或地方写法，已读作“{canonical}”，建议改用规范名称。本表共{count}处类别写法不规范：{cells}。",
        inferred: "一级指标为空，按其下的二级指标“{level2}”读作“{canonical}”，请补填一级指标。本表共{count}处类别写法不规范：{cells}。",
      },
    },
    "unit-wording": {
      title: "单位用词不规范",
      basis: "计量单位应使用规范的符号或名称，“百分比”应写作“%”。",
      messages: {
        wordUnit: "指标值“{raw}”的单位写成了“{unitRaw}”，应写作“{unit}”：{fixed}",
        peopleInGe: "指标“{name}”统计的是人，指标值“{raw}”却以“个”计，请改用“{unit}”。",
        moneyMagnitude: "指标值“{raw}”读作 {fixed}（金额），金额单位宜写全：{fixed}",
        latinUnit: "指标值“{raw}”读作 {fixed}，单位“{unitRaw}”宜写作中文“{unit}”：{fixed}",
      },
    },
    "operator-nonstandard": {
      title: "运算符号不规范",
      basis: "指标值的运算符号统一用 ≥、≤、=、>、<（容差用 ±）；“>=”“≧”“以上”“不少于”“以内”“不超过”等写法应改为规范符号，以便自评时按正向、反向指标计分。",
      messages: {
        nonstandard: "指标值“{raw}”中的“{opRaw}”应改用规范符号“{op}”：{fixed}",
      },
    },
    "operator-missing": {
      title: "缺少运算符号",
      basis: "数值型指标值应写明运算符号（≥、≤ 或 =），表明目标是下限、上限还是确定值；自评时正向、反向指标的计分方法不同。",
      messages: {
        missing: "指标值“{raw}”没有运算符号，看不出是下限、上限还是确定值，请写明 ≥、≤ 或 =，如“{example}”。",
      },
    },
    "unit-missing": {
      title: "缺少计量单位",
      basis: "数值型指标值必须带计量单位（%、人、个、万元等），否则无法判断数值的含义。",
      messages: {
        missing: "指标值“{raw}”读作数字，没有计量单位，无法判断含义，请补上单位（如 人、个、%、万元）。",
        magnitude: "指标值“{raw}”读作 {reading}，写了数量级“{magnitude}”却没有计量单位（{magnitude}人、{magnitude}元还是其他？），请补上单位。",
        missingRate: "指标“{name}”是比率，指标值“{raw}”缺少“%”，应写作“{example}”。",
      },
    },
    "percent-range": {
      title: "百分比超出范围",
      basis: "合格率、及时率等比率不可能超过100%；“≥100%”这样的下限无法超额完成，应写作“=100%”或设定可实现的下限。",
      messages: {
        over100: "指标值“{raw}”超过100%，比率不能大于100%，请核实。",
        floor100: "指标值“{raw}”要求达到或超过100%，实际结果不可能超过100%，应写作“=100%”，或设定可实现的下限（如 ≥95%）。",
      },
    },
    "cost-exceeds-budget": {
      title: "成本指标超过预算数",
      basis: "成本指标的取值以预算支出标准为依据，不得超过项目预算数（元与万元换算后比较）。",
      messages: {
        exceeds: "成本指标“{name}”的指标值“{raw}”读作 {reading}（合{amount}元），超过了本项目预算数{budget}，成本不应高于预算。",
        perPeriod: "成本指标“{name}”的指标值“{raw}”读作 {reading}；按{periodCell}所写实施期“{period}”共{months}个月计，合计{total}，超过了本项目预算数{budget}。",
        perPeriodAssumed: "成本指标“{name}”的指标值“{raw}”读作 {reading}；表中未写明实施期，按{months}个月计合计{total}，超过了本项目预算数{budget}。请核实成本标准，或写明实施期。",
        unitTimesQuantity: "成本指标“{name}”的单位成本“{raw}”乘以“{quantityName}”的“{quantity}”（{quantityCell}）约为{total}，明显超过本项目预算数{budget}，成本标准与数量对不上，请核实。",
      },
    },
    "budget-sum": {
      title: "预算数与资金来源不符",
      basis: "预算数应等于财政资金与其他资金之和；只核对已填写的部分，“-”“/”“无”按0计，空白不按0计。",
      messages: {
        mismatch: "预算数{total}{unit}不等于财政资金{fiscal}与其他资金{other}之和{sum}（相差{diff}），请核对。",
        partsExceed: "已填写的资金来源合计{sum}{unit}（财政资金{fiscal}，其他资金{other}）超过预算数{total}{unit}，请核对。",
        partBlank: "{part}未填写，已填写的资金来源合计{sum}{unit}，比预算数{total}{unit}少{diff}；如果{part}为零，请填0。",
        sourcesBlank: "财政资金和其他资金都未填写，无法核对预算数的资金来源，请按实际填写（没有的填0）。",
        fiscalUnreadable: "财政资金“{raw}”不是有效金额，无法核对预算数，请只填写数字。",
        otherUnreadable: "其他资金“{raw}”不是有效金额，无法核对预算数，请只填写数字；没有其他资金请填0。",
      },
    },
    "plan-range": {
      title: "资金支出计划超出范围",
      basis: "资金支出计划按全年预算的累计支出比例填写，每个时点都应在0%至100%之间。",
      messages: {
        outOfRange: "资金支出计划“{label}”填的是“{raw}”，应在0%至100%之间（按全年预算的累计支出比例填写）。",
        unreadable: "资金支出计划“{label}”的“{raw}”不是百分比，请填写如“50%”。",
      },
    },
    "plan-decreasing": {
      title: "资金支出计划出现下降",
      basis: "资金支出计划是累计比例，3月底、6月底、10月底、12月底应逐期不减。",
      messages: {
        decreasing: "资金支出计划是累计数，“{label}”的{value}低于“{prevLabel}”的{prevValue}，后面的时点不应小于前面的时点（空白按0%计）。",
      },
    },
    "plan-not-100": {
      title: "年底支出计划未达100%",
      basis: "一年期项目到12月底应累计支出全部预算（100%）；跨年或结转项目除外。",
      messages: {
        not100: "资金支出计划12月底为{value}，一年期项目年底应累计支出100%；如属跨年（结转）项目请注明。",
        blank: "资金支出计划12月底未填写，一年期项目年底应累计支出100%。",
      },
    },
    "plan-blank": {
      title: "资金支出计划有空白",
      basis: "资金支出计划的每个时点都应填写；尚无支出的时点应明确填写0%，以免被误认为漏填。",
      messages: {
        blank: "资金支出计划“{label}”未填写；如该时点尚无支出，请明确填写“0%”。",
      },
    },
    "code-format": {
      title: "项目编码格式异常",
      basis: "常见的项目编码为21位：6位财政区划码、2位年度、1位字母（通常为P）、11位数字和1位校验字母。此结构依据已公开的编码归纳，仅作提示，不校验末位字母。",
      messages: {
        format: "项目编码“{code}”（{length}位）不符合常见结构：6位财政区划码+2位年度+1位字母+11位数字+1位校验字母，共21位，请核对。",
        area: "项目编码“{code}”开头的区划码“{area}”不是有效的省级行政区划代码，请核对。",
        year: "项目编码“{code}”中的年度为“{digits}”，与预算年度{year}年（应为“{expected}”）不符，请核对。",
        letter: "项目编码“{code}”第9位是“{letter}”，项目代码此处通常为“P”，请核对（仅供参考）。",
      },
    },
    // Content rules: wording, duplicates and copies, goals, plausibility of targets.
    "nonstandard-wording": {
      title: "指标名称不是标准表述",
      basis: "指标库收录公开绩效目标表和共性指标中的常用标准表述（domain §e）。自拟名称常常口径不清，评审时容易被退回；与标准表述相近的，宜改用标准表述并写明计算口径（domain §b1）。仅作提示，由填报人判断含义是否相同。",
      messages: {
        alias: "“{name}”是“{suggestion}”（{level2}）的常见非标准写法，建议改用标准表述（计量单位：{unit}，参考指标值：{typical}）。其他相近指标：{others}。",
        close: "“{name}”不是指标库中的标准表述，相近的标准指标是“{suggestion}”（{level2}，计量单位：{unit}，参考指标值：{typical}）。如含义相同，建议改用标准表述。其他相近指标：{others}。",
      },
    },
    "year-mismatch": {
      title: "项目年度与预算年度不一致",
      basis: "项目编码第7–8位为预算年度（domain §d，较有把握）；以前年度已完成事项列入当年预算，应作为结转或清算资金说明（domain §f7、§f31，为推断）。",
      messages: {
        nameYear: "“{text}”写的是{nameYear}年，而本表预算年度为{year}年。若本项目支付的是以前年度已完成的事项，请在资金用途中注明为结转或清算资金，并按已完成的工作设置指标；否则请更正项目名称中的年份。",
      },
    },
    "process-indicator": {
      title: "过程性指标用作产出/效益指标",
      basis: "资金拨付、到位、预算执行、资金使用合规、科目调整、结余率属于资金管理过程：财预〔2020〕10号评价框架把它们列在“过程”类（据回忆，原文待核对），自评时预算执行率单独计10分。列入产出或效益既不反映产出，又重复计分。见 domain §b5、§a2 及指标库“反例”。",
      messages: {
        funds: "“{name}”（{level1}/{level2}）衡量的是资金拨付或预算执行进度，属于过程指标，不是本项目的产出或效益；预算执行率在自评中已单独计分。请改为反映实际产出的指标，如数量“活动场次 =1场”、质量“验收合格率 =100%”、时效写明完成日期。",
        compliance: "“{name}”（{level1}/{level2}）是资金使用或审批合规的底线要求，属于过程管理，不是绩效产出。请删除该行，改为本项目实际交付的成果，如完成的工程量、服务人次或验收合格率。",
        accounting: "“{name}”（{level1}/{level2}）是财务核算结果（科目调整、资金结余），与项目的产出和效果无关。请删除该行，改为反映产出或效果的指标。",
      },
    },
    "name-equals-description": {
      title: "指标描述重复指标名称",
      basis: "绩效指标描述应说明指标的含义和计算口径；与三级指标名称相同则没有提供任何信息（domain §b12、§f9，为审核经验推断）。",
      messages: {
        same: "绩效指标描述只是重复了指标名称“{name}”，没有说明口径。请写明计算方法或统计范围，如“验收合格的工程量占完成工程量的比例”。",
      },
    },
    "duplicate-indicator": {
      title: "指标重复",
      basis: "同一张表中同一指标出现两次会重复计分，也说明指标未经细化（domain §b12、§g R8，为审核经验推断）。",
      messages: {
        sameRow: "指标“{name}”与 {first} 单元格的指标完全相同（名称、描述、指标值都一样），会重复计分。请删除本行，或改为另一项不同的产出/效果指标。",
        sameName: "指标名称“{name}”与 {first} 单元格重复。同一张表中一个指标只应出现一次；如确为两项不同内容，请改用能区分的名称（写明对象或口径）。",
      },
    },
    "duplicate-goal": {
      title: "绩效目标重复",
      basis: "绩效目标应具体说明年度要完成的产出和效果（指向明确、具体细化，见 S-FSOU1/2）；内容相同的几行只表达了一个意思（domain §b10、§f6）。",
      messages: {
        repeated: "绩效目标第{lines}行内容相同（“{text}”），{count}行只说了一件事。请合并为一行，并补写本项目年度要完成的具体产出和效果，如“年内完成道路硬化2.5公里”“举办开工活动1场，参会企业50家以上”。",
      },
    },
    "copied-indicators": {
      title: "指标或目标从其他项目复制",
      basis: "每个项目的指标应与其内容和预算相对应（88号审核的“相关性”“适当性”，细则据回忆）；整表照抄其他项目，连成本指标名称都不符（domain §f8、§f6）。",
      messages: {
        copied: "本表{total}条指标中有{count}条与“{project}”（{sheet}!{range}）的指标名称和指标值完全相同，疑似整表复制。请按本项目自身的内容和预算重新设置指标，数量、成本指标应反映本项目的实际工作量和费用。",
        copiedGoal: "绩效目标与“{project}”（{sheet}!{range}）完全相同。请写出本项目自己的年度目标：做什么、做多少、达到什么效果。",
      },
    },
    "vague-indicator": {
      title: "指标名称含糊、无法考核",
      basis: "指标应指向明确、细化量化（S-FSOU1/2；88号要求据回忆）；问句、目标口号、占位符或自带数值的名称无法考核（domain §b5、§b1、§f15–17、§f26）。",
      messages: {
        placeholder: "指标名称“{name}”是模板占位内容或只有数字，不是实际指标。请填写具体的指标名称，如“培训人次”“道路硬化里程”。",
        question: "指标名称“{name}”是是非问句，无法量化考核，也与指标值“{value}”对不上。请改为陈述式、可计量的指标，如“新增签约企业数 ≥3家”“新增绿化面积 ≥2000平方米”；无法量化的写成定性指标并给出分级标准。",
        goalSentence: "指标名称“{name}”是一句目标表述，不是可衡量的指标。请提炼出要衡量的对象和口径，如“新增入驻企业数”“营商环境满意度”，再给出指标值。",
        methodPhrase: "指标名称“{name}”写的是一种做法，不是衡量对象。请写明要衡量的内容，如成本指标写“工程建设成本”“机械租赁单价”，并给出指标值（如“≤300万元”）。",
        embeddedValue: "指标名称“{name}”中已写了目标值。请把数值移到指标值栏，名称只保留衡量对象，如名称“培训合格率”、指标值“≥95%”。",
        abstractRate: "“{name}”衡量的是抽象的影响或作用，却给出了百分比“{value}”，分子分母无从统计。请改为可统计的指标（如“受益人口数”“设施完好率”），或在描述中写明比例的计算口径。",
        sloganRate: "“{name}”是一句口号，不是可以计量的对象，给它定“{value}”无法衡量：请写明衡量什么（如“参与活动群众人次”“矛盾纠纷化解率”）。",
        sloganBlank: "“{name}”是一句口号，不是可以计量的对象，也没有填写指标值，年底无从评判：请写明衡量什么并给出指标值（如“参与活动群众人次 ≥500人次”“矛盾纠纷化解率 ≥95%”）。",
        emptyGrade: "指标“{name}”的指标值“{value}”没有说明评价什么、按什么分档，无法评判是否达到：请写成可考核的量化值，或写明对象和等级（如“群众出行条件明显改善”）。",
      },
    },
    "satisfaction-value": {
      title: "满意度指标不合理",
      basis: "实际表格中满意度目标多为≥85%至≥98%，以≥90%最常见；评价者应是外部受益对象（domain §b6、§g R7，为审核经验推断，未见明文规定）。",
      messages: {
        hundred: "满意度“{name}”的目标值为“{value}”：问卷调查几乎不可能人人满意，年底必然扣分。请按实际设定，常见为“≥90%”或“≥95%”。",
        tooHigh: "满意度“{name}”的目标值“{value}”高于98%，实际调查很难达到。常见取值为“≥90%”至“≥95%”。",
        tooLow: "满意度“{name}”的目标值“{value}”低于80%，起不到目标作用。常见取值为“≥85%”至“≥95%”。",
        qualitative: "满意度“{name}”的指标值“{value}”是定性描述，无法与问卷结果比对。请写成百分比，如“≥90%”，并在描述中写明调查对象和方式。",
        selfRated: "“{name}”是项目实施单位给自己打分，不能反映服务对象的评价。请改为受益对象的满意度，如“参会企业满意度”“受益群众满意度”，目标值如“≥90%”。",
        noRespondent: "“{name}”没有写明由谁评价。请写明调查对象，如“受益群众满意度”“参训人员满意度”，并在描述中说明调查方式（问卷、抽样）。",
        underBenefit: "满意度指标“{name}”填在“{level1}—{level2}”下，应列在一级指标“满意度指标”的“服务对象满意度指标”下。",
        repeated: "“{name}”与“{first}”调查的是同一对象，满意度指标重复，请保留一项。",
      },
    },
    "basis-weak": {
      title: "指标值确定依据不规范",
      basis: "绩效标准分为计划标准、行业标准、历史标准和财政部门认可的其他标准（S-360 填报说明）；预算支出标准只用于成本指标（一体化系统做法）。文件文号可作为计划标准的依据，叙述性句子不能（domain §b9、§f20、§f24–26）。",
      messages: {
        empty: "指标“{name}”的指标值确定依据为空。请填写依据类型（计划标准、行业标准、历史标准、其他标准），或写明所依据的文件文号。",
        narrative: "指标“{name}”的依据“{basis}”是描述性文字，不是依据类型或文件。请改为“计划标准”“行业标准”“历史标准”或“其他标准”，可在后面注明文件或数据来源，如“计划标准（年度工作计划）”。",
        budgetStandardNotCost: "指标“{name}”不是成本指标，不宜以“预算支出标准”为依据（该标准只用于成本指标取值）。请改为计划标准、行业标准或历史标准。",
        sameForAll: "本表全部{count}条指标的依据都是“{basis}”，没有说明每个指标值是怎么定的。请逐条写明依据类型，如数量指标写“计划标准”、满意度写“历史标准”、成本指标写“预算支出标准”。",
      },
    },
    "time-weak": {
      title: "时效指标缺少明确时间",
      basis: "时效指标应写具体日期、起止期间或比率（如按时完成率）；只写月份、“长期”“全年”“及时”无法在年底核对（domain §b11、§g R13，为实际表格观察和推断）。",
      messages: {
        noYear: "时效指标“{name}”的值“{value}”只有月份或季度，没有年份，年底无法判断是否按时。请写具体日期，如“{example}”。",
        vague: "时效指标“{name}”的值“{value}”没有给出时间节点。请写完成日期（如“{example}”）、起止期间，或改用比率（如“按时完成率 ≥95%”）。",
        noDate: "时效指标“{name}”的值“{value}”不是日期、期间或比率。请写完成日期（如“{example}”），或改为“按时完成率 ≥95%”“10个工作日内”。",
      },
    },
    "work-done-rate": {
      title: "部门指标只统计工作是否完成",
      basis: "“工作完成率100%”“及时率100%”说明的是工作过程，不是产出或效果，也没有数量（domain §f1、§b5，为审核经验推断）。",
      messages: {
        workDone: "指标“{name}”（{value}）只统计工作做没做完，是过程而不是产出或效果，年底总能报100%。请改为可数的产出（如“上报信息80条”“检查企业120家次”）或效果指标。",
      },
    },
    "compliance-floor": {
      title: "把合规底线当作绩效目标",
      basis: "不挪用、不挤占、不截留是每笔资金都必须遵守的底线，达到了也说明不了产出和效果（domain §f3、§b5，为审核经验推断）。",
      messages: {
        floor: "“{text}”是资金使用的底线要求，不是绩效目标，达到了也说明不了本年度的产出和效果。请删除该行，合规性由财务监督检查；绩效指标写本年度要完成的产出和效果。",
      },
    },
    "aim-unmeasured": {
      title: "总体目标没有指标衡量",
      basis: "部门整体绩效目标的每一项总体目标都应有相应的指标衡量，否则无法评价是否实现（domain §a5 完整性、§f 部门整体部分，为审核经验推断）。",
      messages: {
        unmeasured: "总体目标第{line}项“{aim}”没有任何指标衡量，年底无法评价是否实现。请为它增加至少一项可量化的产出或效果指标。",
        unmeasuredPartial: "总体目标第{line}项“{aim}”在本表已有的指标中没有衡量。本表的指标没有写到最后的一级指标，如果后面的指标只是没有复制进来，请确认其中有衡量它的指标；否则请为它增加至少一项可量化的产出或效果指标。",
      },
    },
    "task-unquantified": {
      title: "主要任务没有量化指标",
      basis: "每项年度主要任务（分项目标）至少应有一项量化的产出或效果指标（domain §f1、§b1，为审核经验推断）。",
      messages: {
        unmeasured: "主要任务“{task}”没有对应的绩效指标。请为它增加至少一项量化指标（数量、质量或效果）。",
        unquantified: "主要任务“{task}”的{count}项相关指标都是“完成率/及时率100%”或没有数值，没有量化的产出或效果。请至少增加一项可数的指标，如次数、条数、户数或金额。",
        unmeasuredPartial: "主要任务“{task}”在本表已有的指标中没有对应指标。本表的指标没有写到最后的一级指标，如果后面的指标只是没有复制进来，请确认其中有它的量化指标；否则请为它增加至少一项。",
        unquantifiedPartial: "主要任务“{task}”在本表已有的{count}项相关指标都是“完成率/及时率100%”或没有数值。本表的指标没有写到最后的一级指标，如果后面的指标只是没有复制进来，请确认其中有它的量化指标；否则请至少增加一项可数的指标，如次数、条数、户数或金额。",
      },
    },
    "department-budget": {
      title: "部门项目支出与项目表合计不符",
      basis: "部门整体预算中的项目支出应与本部门各项目表的预算数之和一致（domain §a5 完整性）；工作簿中可能只有部分项目，因此为警告。",
      messages: {
        mismatch: "部门整体表的项目支出为{stated}{unit}，而本工作簿中{count}张项目表的预算数合计为{sum}{unit}，两者不一致。请核对是否漏填了项目表，或部门预算填写有误。",
      },
    },
    "goal-uncovered": {
      title: "项目目标不在部门总体目标之内",
      basis: "项目绩效目标应服务于部门的年度总体目标（相关性，domain §a5）；总体目标写得宽泛，因此只作提示。",
      messages: {
        uncovered: "本项目的绩效目标“{goal}”与部门整体表的{aims}项总体目标都没有共同的关键词，看不出服务于哪一项部门目标。请核对项目与部门职责的关系，或在总体目标中写明。",
      },
    },
    "measures-unrelated": {
      title: "保障措施套用了其他部门的模板",
      basis: "工作保障措施应写本部门的措施；写“征管”“税收”“财政收入任务”的，多是从财政部门的模板照抄（domain §f5，相关性）。",
      messages: {
        taxTemplate: "工作保障措施中写有“{word}”，这是财政、税务部门的职责，不像“{unit}”的工作。请按本部门的职责改写保障措施。",
      },
    },
    "multi-measure": {
      title: "一个指标包含多项度量",
      basis: "一个指标只衡量一件事、对应一个指标值，才能分别计分（domain §b12、§f2，为审核经验推断）。",
      messages: {
        several: "指标“{name}”把{count}项度量（{measures}）写在一起，只有一个指标值，无法分别考核。请拆成{count}行，每行一个指标和一个指标值。",
      },
    },
    "goal-restates-name": {
      title: "绩效目标只重复项目名称",
      basis: "绩效目标应说明年度要完成的产出和效果，而不是项目名称（domain §b10，为审核经验推断）。",
      messages: {
        restates: "绩效目标第{line}行“{text}”只是重复项目名称“{project}”，没有说明要达到的结果。请写明年度要完成的产出和效果，如“年内完成3个子项目建设，验收合格率100%”。",
      },
    },
    "goal-unquantified": {
      title: "绩效目标没有量化内容",
      basis: "绩效目标应尽量量化，写明年度产出和效果，并与指标、预算相匹配（S-FSOU1/2 指向明确、具体细化；S-360 年度目标；domain §b10、§b1）。",
      messages: {
        noNumber: "绩效目标（共{lines}行）中没有任何数量、金额或时间节点，只写了目的，年底无法对照检查。请写明本年度要完成的具体产出和效果，如“年内完成道路硬化2.5公里”“举办开工活动1场，参会企业50家以上”。",
      },
    },
    "qualitative-with-operator": {
      title: "定性指标值带运算符号",
      basis: "定性指标按等级评价，≥、≤ 只适用于数值；带符号的定性值无法按正向/反向规则计分（domain §b4、§a2，为推断）。",
      messages: {
        operator: "指标“{name}”的值“{value}”在定性描述前加了“{op}”，无法计分。请去掉符号，直接写“{grade}”；能量化的请改为数值，如“≥90%”。",
      },
    },
    "quantity-not-count": {
      title: "数量指标不是数量",
      basis: "数量指标反映完成的工作量，应为数值加计数或实物单位；比率、金额、定性描述不是数量（domain §b12、§b3、§f10、§f23，为推断）。",
      messages: {
        rate: "“{name}”是比率（{value}），不是数量。数量指标应写实际完成的工作量，如“会场搭建面积 ≥500平方米”“租赁机械 ≥5台”；比率类指标可放入质量或时效指标。",
        percent: "数量指标“{name}”的值“{value}”是百分比，看不出做了多少。请写实际数量和计量单位，如“≥2.5公里”“≥3个”“≥1200平方米”。",
        money: "数量指标“{name}”的值“{value}”是金额，金额属于成本指标。请写实际完成的数量，如“≥5台”“≥200人次”。",
        qualitative: "数量指标“{name}”的值“{value}”是定性描述。请写实际完成的数量和计量单位，如“≥3场”“≥200人次”。",
      },
    },
    "plan-front-loaded": {
      title: "资金在一季度全部支出",
      basis: "资金支出计划按累计比例填写，一年期项目通常随进度支出（时间进度约为25%/50%/83%/100%）；3月底即100%说明支付的是已完成事项（domain §c、§f7，为推断）。",
      messages: {
        allInQ1: "资金支出计划3月底已为{m3}，即全年预算在一季度全部支出。若本项目用于支付以前年度已完成的事项，请注明为结转或清算资金，并按已完成的工作设置指标；若项目在年内实施，请按实施进度填报（如3月底25%、6月底50%）。",
      },
    },
  },
  severity: { error: "错误", warning: "警告", info: "提示" },
  ui: {
    // @@ui
    pane: {
      appName: "绩效目标助手",
      connecting: "正在连接 Office…",
      notInExcel: "请在 Excel 中打开本加载项",
      notInExcelBody: "绩效目标助手需要在 Excel 中运行。也可以在命令行中检查工作簿：",
      starting: "正在读取工作簿…",
      tabs: { tables: "表格", check: "检查", library: "指标库", plan: "支出计划", settings: "设置" },
      settings: {
        selfTestTitle: "自检",
        selfTestBody: "在一张临时工作表上，用本加载项读写 Excel 的全部方式逐项检查（{n} 项），结束后删除它添加的一切（工作表、名称、设置、填充）。检查期间暂停实时检查。",
        run: "运行自检",
        running: "正在自检… {done}/{total}",
        summary: "通过 {pass} · 失败 {fail} · 跳过 {skip}",
        environment: "Excel {build} · {platform} · ExcelApi 1.{api}",
        copy: "复制结果",
        copied: "已复制",
        failed: "自检未能运行：{error}",
        cleanup: "清理时出现问题：{error}",
        status: { pass: "通过", fail: "失败", skip: "跳过" },
      },
      severityName: { error: "错误", warning: "警告", info: "提示" },
      dismiss: "关闭",
      tables: {
        detect: "在工作簿中检测",
        detecting: "正在检测…",
        mapSelection: "映射所选区域",
        count: "共 {n} 张表格",
        none: "未在工作簿中找到绩效目标表。可先选中表格区域（含指标表头行），再点击“映射所选区域”。",
        detected: "自动识别",
        mapped: "手动映射",
        form: "{form}号表式",
        indicators: "{n} 项指标",
        noName: "（未填写项目名称）",
        noUnitName: "（未填写部门名称）",
        department: "部门整体",
        lost: "无法识别",
        removeMapping: "移除映射",
        emptySheets: "没有表格的工作表：{sheets}",
        broken: "失效的映射",
        removeBroken: "移除",
      },
      convert: {
        action: "转换为指标表",
        hint: "选中一个分项的单元格（或一格文字），把其中的绩效指标转换为标准指标表。",
        title: "转换为指标表",
        block: "来源：{range}",
        rows: "{n} 行指标，可逐行修改或删除",
        level1: "一级指标",
        level2: "二级指标",
        name: "三级指标",
        value: "指标值",
        reason: "建议理由：{reason}",
        source: "原文：{text}",
        remove: "删除此行",
        target: "插入位置",
        newSheet: "新工作表",
        below: "所选区域下方（插入新行，不覆盖原有内容）",
        sheetName: "指标表",
        insert: "插入指标表",
        cancel: "取消",
      },
      mapping: {
        title: "映射所选区域",
        block: "区域：{range}",
        headerRow: "指标表头所在行",
        row: "第 {n} 行：{text}",
        columns: "各列的角色",
        column: "{col} 列",
        emptyLabel: "（无表头）",
        sample: "例：{text}",
        save: "保存映射",
        cancel: "取消",
        missing: "还需要指定：{roles}",
        duplicate: "以下角色指定给了多个列：{roles}",
        roles: {
          level1: "一级指标",
          level2: "二级指标",
          name: "三级指标（指标名称）",
          description: "指标描述",
          op: "运算符号",
          value: "指标值",
          unit: "计量单位",
          basis: "指标值确定依据",
          weight: "权重/分值",
          direction: "指标方向",
          ignore: "（不使用）",
        },
      },
      check: {
        summary: "错误 {error} / 警告 {warning} / 提示 {info}",
        noTables: "尚未找到表格。请在“表格”页检测或映射表格。",
        noIssues: "没有发现问题。",
        tableIssues: "{n} 个问题",
        workbook: "工作簿",
        highlight: "在单元格上标记问题",
        clearMarks: "清除所有标记",
        undo: "撤销上次修改",
        undoWhat: "可撤销：{label}",
        details: "说明",
        showIssues: "显示问题",
        hideDetails: "收起",
        ruleLabel: "规则：{title}（{rule}）",
        basis: "依据：{basis}",
        fixOne: "应用修复",
        fixAll: "修复全部此类（{n}）",
        fixGroup: "修复全部（{n}）",
        groupCells: "共 {n} 处：",
        fixTo: "建议改为：{text}",
        preview: "将修改以下单元格：",
        apply: "确认修改",
        cancel: "取消",
        more: "再显示 {n} 条",
        protected: "工作表“{sheets}”受保护，问题无法在单元格上标记，也不能自动修复；问题仍列在下方。如需标记，请先撤销工作表保护（审阅 → 撤销工作表保护）。",
        jump: "转到 {sheet}!{cell}",
      },
      notice: {
        tableLost: "表格“{name}”（{range}）已无法识别，可能已被覆盖或删除。需要时请重新检测。",
        bigSheet: "工作表“{sheet}”较大（{rows} 行），检查可能需要一点时间。",
        sheetClipped: "工作表“{sheet}”的已用区域 {used} 过大，只检查了左上部分 {read}。多为远离表格处误填的内容（按 Ctrl+End 可定位），删除多余的行和列后即可完整检查。",
        marksCapped: "问题较多，只标记了最重要的 {n} 个单元格。",
        fixApplied: "已修改 {n} 个单元格，可用“撤销上次修改”恢复。",
        undone: "已撤销上次修改（{n} 个单元格）。",
        fixStale: "单元格在预览后已被修改，请重新预览修复。",
        selectTable: "请先在工作表中选中整张表格（至少两行两列，包括指标表头行）。",
        selectionTooLarge: "所选区域太大（{rows} 行），请只选中一张表格。",
        mappingNoTable: "按这个映射读不出表格，请检查表头行和各列的角色。",
        mappingSaved: "已保存映射：{range}",
        brokenDropped: "已移除 {n} 个失效的映射。",
        fixOne: "修复 {cell}",
        fixRule: "修复全部“{title}”（{n} 处）",
        planWritten: "写入资金支出计划（{name}）",
        planStale: "计划单元格在确认后已被修改，请核对后再次确认。",
        planUnchanged: "表格中的资金支出计划已是这些数值，无需写入。",
        converted: "插入指标表（{n} 行，{range}）",
        convertRefused: {
          noText: "所选区域没有文字。请选中一个分项的单元格，或一格文字。",
          noRows: "所选文字中没有找到指标（例如“上报信息80条”“完成率100%”）。",
          empty: "请至少保留一行指标。",
          protected: "工作表“{sheet}”受保护，不能在其中插入行。请改为插入到新工作表，或先撤销工作表保护。",
        },
        libraryInserted: "插入 {n} 项指标（{name}）",
        libraryReplaced: "替换为标准表述“{name}”",
        libraryImported: "已导入 {n} 项自定义指标，跳过 {skipped} 行；已随工作簿保存。",
        libraryImportFailed: "未导入任何指标（跳过 {skipped} 行），详见导入报告。",
        libraryCleared: "已删除工作簿中的自定义指标库。",
        libraryRefused: {
          protected: "工作表“{sheet}”受保护，不能插入或修改指标行。请先撤销工作表保护。",
          noTable: "找不到该表格，请在“表格”页重新检测。",
          unknownEntry: "指标库中没有所选指标。",
          noRow: "所选单元格不在表格的指标行上。",
          unchanged: "该行已是“{name}”的标准表述，无需替换。",
          noColumns: "表格缺少“{column}”列，无法插入。",
          noCategory: "“{name}”（{level2}）在{form}号表式中没有对应的指标类别，未插入。",
          merged: "插入会拆开合并单元格 {range}，未插入。请先取消该合并单元格。",
          noEntries: "请先选择要插入的指标。",
          failed: "操作失败，表格未修改。",
        },
      },
      library: {
        search: "搜索指标（名称、别名、拼音或首字母）",
        level1: "一级指标",
        level2: "二级指标",
        type: "项目类型",
        all: "全部",
        results: "{n} 条结果",
        noResults: "没有找到匹配的指标。",
        loading: "正在加载指标库…",
        definition: "指标解释",
        unit: "计量单位",
        typical: "典型指标值",
        direction: "指标方向",
        types: "适用项目",
        provenance: "来源",
        sourceLevel: {
          official: "政府网站公开",
          standard: "依据规范",
          document: "资料",
          reposted: "转载，待核实",
          "common-practice": "常见做法",
          custom: "自定义",
        },
        sourceAddress: "原网址",
        contextTitle: "适合本表的指标",
        contextTable: "建议依据的表格",
        valueHint: "请在 {cell} 填写“{name}”的指标值。参考值：{typical}；计量单位：{unit}。",
        noUnit: "（定性或日期）",
        table: "插入到表格",
        insert: "插入到表格",
        insertHint: "指标将插入到表格中对应一级/二级指标的末尾。",
        valueMode: "指标值",
        valueEmpty: "留空，由我填写",
        valueTypical: "填入典型值（标注“待确认”）",
        replace: "替换当前行",
        replaceHint: "在工作表中选中一行指标，查看标准表述建议。",
        readSelection: "读取所选指标行",
        suggestionsFor: "“{name}”的标准表述建议：",
        noSuggestions: "没有找到相近的标准表述。",
        noTables: "尚未找到表格。请在“表格”页检测或映射表格。",
        custom: "自定义指标库（{n} 项）",
        importFile: "从文件导入（.csv / .json）",
        importRange: "从所选区域导入",
        xlsxInPane: "加载项中不能读取 .xlsx 文件：请在 Excel 中打开该文件，选中指标区域后点击“从所选区域导入”，或在命令行中运行 library --import 文件.xlsx。",
        export: "导出指标库（CSV）",
        clearCustom: "删除自定义指标库",
        report: "导入报告：导入 {n} 项，跳过 {skipped} 行。",
        skippedRow: "第 {row} 行：{reason}（{detail}）",
        missingColumns: "缺少必需的列：{columns}，未导入任何指标。",
        skipReason: {
          missingName: "缺少指标名称",
          missingLevel2: "缺少二级指标",
          badLevel2: "无法识别的二级指标",
          badLevel1: "无法识别的一级指标",
          levelMismatch: "一级与二级指标不匹配",
          oddUnit: "无法识别的计量单位",
          unitMismatch: "指标值的单位与计量单位不一致",
          badDirection: "无法识别的指标方向",
          badRange: "取值范围无效",
          badId: "编号无效",
          duplicate: "与前面的行重复",
          invalid: "内容无效",
        },
      },
      // @@pane-plan
      plan: {
        table: "表格",
        noTables: "尚未找到表格。请在“表格”页检测或映射表格。",
        profile: "支出方式",
        start: "开始月份",
        end: "结束月份",
        month: "付款月份",
        milestones: "付款节点",
        milestoneMode: "节点的值",
        modes: { share: "比例（%）", yuan: "金额（元）", wanyuan: "金额（万元）" },
        milestoneDate: "第 {n} 个节点的日期",
        milestoneValue: "第 {n} 个节点的值",
        datePlaceholder: "2024-03 或 3",
        milestoneHint: "日期写作 2024-03、2024年3月 或 3（只写月份时属于预算年度）；比例合计应为100；晚于预算年度的节点在12月底之后支付（跨年）。",
        addMilestone: "添加节点",
        removeMilestone: "删除第 {n} 个节点",
        year: "预算年度（可不填）",
        monthly: "各月支出金额",
        monthlyHint: "空白按0计算，只按各月金额的比例计算。",
        crossYear: "跨年（结转）项目",
        recurring: "经常性运转类项目（检查6月底是否达到序时进度50%）",
        decimals: "百分比保留一位小数",
        preview: "预览（尚未写入表格）",
        checkpoint: "时点",
        percent: "累计比例",
        money: "累计金额（{unit}）",
        current: "表中现值",
        empty: "（空）",
        budget: "预算数：{budget} {unit}",
        noBudget: "表格未填写预算数，不显示金额。",
        chart: "各月末累计支出（%）",
        chartLabel: "累计支出曲线：3月底{m3}%，6月底{m6}%，10月底{m10}%，12月底{m12}%；虚线为序时进度 25%、50%、83%、100%。",
        ticks: { m3: "3月", m6: "6月", m10: "10月", m12: "12月" },
        legendPlan: "本计划",
        legendTime: "序时进度",
        checks: "检查结果",
        noIssues: "未发现问题。",
        write: "写入表格",
        confirmTitle: "以下单元格已有内容，写入后将被覆盖：",
        confirm: "确认覆盖并写入",
        cancel: "取消",
        willWrite: "将写入 {cells}，保持各单元格原有的写法和数字格式。",
        cellChange: "{cell}（{label}）：{before} → {after}",
        cannotWrite: "无法写入：{reason}",
        errors: {
          profileMissing: "请选择支出方式",
          milestonesMissing: "请至少填写一个付款节点（日期和比例或金额）",
          monthlyMissing: "请填写各月支出金额",
          monthMissing: "请选择付款月份",
          crossYearNotAllowed: "有{share}%在12月底之后支付，12月底达不到100%；如属跨年（结转）项目，请勾选“跨年（结转）项目”",
        },
      },
    },
  },
  cli: {
    // @@cli
    extract: {
      usage: {
        file: "请给出一个工作簿文件（.xlsx、.xls、.et、.ods 或 .csv）：jixiao extract 文件.xlsx --sheet 工作表 --range A1:B20",
        sheetRange: "请用 --sheet 和 --range 指定要转换的文字所在区域",
        badRange: "区域“{value}”无法识别，请写成 A1:B20",
        badFormat: "--format 只能是 json 或 xlsx，不能是“{value}”",
        out: "--format xlsx 需要用 --out 指定新文件名",
        outExists: "文件“{file}”已存在，为免覆盖，请换一个文件名",
      },
      unreadable: "无法读取“{file}”：{detail}",
      noSheet: "没有名为“{sheet}”的工作表（有：{sheets}）",
      sheetName: "指标表",
      written: "已写出{rows}行指标到 {file}",
      reason: {
        library: "指标库“{entry}”（{why}）",
        count: "数值带计数单位“{unit}”，是数量指标",
        timely: "名称含“及时”，是时效指标",
        rate: "数值是比率，暂列质量指标",
        floor: "合规要求，暂列质量指标（建议删除）",
        none: "无法判断，请选择",
      },
    },
    library: {
      reason: {
        exact: "与标准名称一致",
        alias: "“{key}”是它的常见写法",
        prefix: "名称以输入开头",
        contains: "名称包含输入",
        containedIn: "输入包含标准名称“{key}”",
        fuzzy: "与“{key}”相近",
        pinyinInitials: "拼音首字母匹配",
        pinyinFull: "拼音匹配",
        pinyin: "拼音匹配",
        definition: "指标解释包含输入",
        browse: "符合筛选条件",
        level2: "与所在行的二级指标（{level2}）一致",
        level1: "与所在行的一级指标（{level1}）一致",
        projectType: "适用于{type}项目（项目信息含“{hits}”）",
        typeMatch: "适用于{type}项目",
        general: "通用指标",
      },
      skip: {
        missingName: "缺少三级指标名称",
        missingLevel2: "缺少二级指标（{detail}）",
        badLevel2: "无法识别的二级指标：{detail}",
        badLevel1: "无法识别的一级指标：{detail}",
        levelMismatch: "二级指标不属于该一级指标：{detail}",
        oddUnit: "无法识别的计量单位：{detail}",
        unitMismatch: "指标值的单位与计量单位不一致：{detail}",
        badDirection: "指标方向应为“正向”或“反向”：{detail}",
        badRange: "取值范围应写作“85-98”：{detail}",
        badId: "编号不能含空格：{detail}",
        duplicate: "与第 {detail} 行重复（编号相同，或三级指标名称和二级指标都相同）",
        invalid: "内容不完整：{detail}",
      },
      error: {
        noHeader: "未找到表头行（应包含“三级指标”或“指标名称”等列名）",
        missingColumns: "缺少必需的列：{columns}；未导入任何指标",
        rowsSkipped: "有 {count} 行无法导入；严格模式下未导入任何指标",
      },
      field: {
        id: "编号",
        level1: "一级指标",
        level2: "二级指标",
        name: "三级指标",
        definition: "指标解释",
        unit: "计量单位",
        op: "指标性质",
        typical: "指标值",
        range: "取值范围",
        direction: "指标方向",
        types: "项目类型",
        aliases: "别名",
        provenance: "来源",
      },
      results: "“{query}”的匹配结果（{count} 条）：",
      noResults: "指标库中没有与“{query}”匹配的指标。",
      resultLine: "{n}. {name}　［{level1}/{level2}］　单位：{unit}　参考值：{typical}　得分：{score}",
      resultReason: "   理由：{reason}",
      resultSource: "   来源：{source}",
      context: {
        header: "“{name}”（第 {table} 个表格）的建议指标：",
        type: "项目类型：{type}（项目名称、资金用途或绩效目标含“{hits}”）",
        noType: "未能从项目名称、资金用途和绩效目标推断项目类型，以下为通用指标。",
        missing: "本表缺少{category}（{block}）",
        processOnly: "本表缺少{category}（{block}）：现有的“{names}”是过程指标",
        forType: "，适合{type}项目的指标：",
        forGeneral: "，通用指标：",
        typeFit: "适合{type}项目的其他指标：",
        none: "本表各类指标齐全，指标库中没有更多适合它的建议。",
        entryLine: "  {n}. {name}　［{level1}/{level2}］　参考值：{typical}　单位：{unit}",
      },
      listHeader: "指标库共 {count} 条指标：",
      imported: "已合并自定义指标库 {file}：导入 {count} 条，跳过 {skipped} 行。",
      skippedRow: "  第 {row} 行：{reason}",
      importFailed: "无法导入自定义指标库 {file}：{reason}",
      exported: "已导出指标库（{count} 条）：{path}",
      sheetName: "指标库",
      usage: {
        noQuery: "请给出要查找的指标名称，如：jixiao suggest \"培训人数\"",
        badLimit: "--limit 应为正整数，收到：{value}",
        unknownType: "未知的项目类型：{value}。可用的类型：{valid}",
        badLevel: "无法识别的指标类别：{value}",
        badImport: "--import 只支持工作簿（.xlsx、.xlsm、.xls、.et、.ods）、.csv 或 .json 文件，收到：{value}",
        badOut: "--out 只支持 .xlsx 或 .csv 文件，收到：{value}",
        unexpectedArg: "{cmd} 命令不接受参数“{arg}”",
        forWithQuery: "--for 按表格给出建议，不能同时给出要查找的文字",
        badTable: "--table 应为 1 到 {count} 之间的表格序号，收到：{value}",
        noTables: "{file} 中没有找到绩效目标表",
        tableWithoutFor: "--table 须与 --for <文件.xlsx> 一起使用",
      },
    },
    plan: {
      help: `jixiao plan —— 按付款方式生成资金支出计划（3月底/6月底/10月底/12月底的累计支出比例）

用法：
  jixiao plan --profile even|front|back|milestones|monthly|once [选项]

支出方式（--profile）：
  even        在开始月份至结束月份之间每月均匀支出
  front       前高后低：各月支出按线性递减（第1个月最多，最后一个月最少）
  back        前低后高：各月支出按线性递增（第1个月最少，最后一个月最多）
  milestones  按付款节点：--milestones "2024-03:30,2024-09:60,2024-12:10"（比例，合计100）
              或金额 "2024-03:90万,2024-09:180万,2024-12:30万"（元、万元、万）
  monthly     按月金额：--monthly "a,b,…"（12个数，1月至12月）
  once        一次性支付：--month 6

选项：
  --start 1 --end 12        even/front/back 的开始、结束月份（默认1至12；结束月份13至24表示次年1至12月，属跨年项目）
  --milestones 节点列表     日期可写 2024-03、2024/3、2024年3月、3月；早于预算年度的节点视为年初前已支付，
                            晚于预算年度的节点在12月底之后支付（跨年）
  --year 2024               milestones 的预算年度（默认取节点中最早的年份）
  --monthly a,b,…           12个月的支出金额
  --month 6                 once 的付款月份（1至12）
  --budget 3000000          预算数，给出后同时输出累计金额
  --unit 元|万元            预算数的单位（默认元；金额保留到分或0.0001万元）
  --decimals 0|1            百分比保留的小数位（默认0）
  --cross-year              跨年（结转）项目：允许12月底低于100%
  --recurring               经常性运转类项目：检查6月底是否达到序时进度（默认50%）
  --floor-m6 50             6月底序时进度下限（%），给出即检查
  --format text|json        输出格式（默认 text）
  --lang zh-CN|en           输出语言（默认 zh-CN）

退出码：0 = 已生成；2 = 参数有误。`,
      profiles: {
        even: "均匀支出",
        front: "前高后低",
        back: "前低后高",
        milestones: "按付款节点",
        monthly: "按月金额",
        once: "一次性支付",
      },
      month: "{m}月",
      nextYearMonth: "次年{m}月",
      span: "{from}至{to}",
      onceAt: "{month}支付",
      milestoneCount: "{n}个节点",
      twelveMonths: "1月至12月",
      title: "资金支出计划（{profile}：{detail}）",
      labels: { m3: "3月底", m6: "6月底", m10: "10月底", m12: "12月底" },
      columns: { checkpoint: "时点", percent: "累计支出比例", exact: "按进度", money: "累计金额（{unit}）" },
      budget: "预算数：{budget} {unit}",
      series: "各月末累计（%）：",
      crossYear: "跨年项目：12月底累计{value}，其余在次年支付。",
      checks: "检查：",
      noIssues: "未发现问题",
      notes: {
        paidBefore: "早于预算年度的付款节点共{share}%，视为年初前已支付，计入各时点的累计数。",
        crossYearShare: "晚于12月底支付的部分共{share}%（跨年）。",
        amountMismatch: "各期金额合计{total}{unit}，与预算数{budget}{unit}不一致；已按各期金额的比例计算。",
      },
      check: {
        belowFloor: "资金支出计划“{label}”为{value}，低于序时进度{floor}（时间过半、进度过半）；经常性项目请按进度均衡支出。",
      },
      errors: {
        profileMissing: "请用 --profile 指定支出方式：{valid}",
        profileUnknown: "未知的支出方式“{value}”，可选：{valid}",
        startRange: "开始月份应为1至12之间的整数，收到“{value}”",
        endRange: "结束月份应为1至24之间的整数（13至24表示次年1至12月），收到“{value}”",
        startAfterEnd: "开始月份（{start}）不能晚于结束月份（{end}）",
        monthMissing: "一次性支付需要指定付款月份（--month 1至12）",
        monthRange: "付款月份应为1至12之间的整数，收到“{value}”",
        milestonesMissing: "请给出付款节点，例如 --milestones \"2024-03:30,2024-09:60,2024-12:10\"",
        milestoneBad: "付款节点“{item}”无法识别，应写作“年-月:比例”或“年-月:金额元/万元”，如“2024-03:30”",
        milestoneYear: "付款节点“{item}”的年份应在2000至2100之间",
        milestonesMixed: "付款节点不能混用比例和金额：要么都写比例（如30），要么都写金额（如90万）",
        sharesNot100: "付款节点的比例合计为{sum}%，应为100%（跨年支付的部分请写在次年的日期上）",
        negative: "“{item}”不能为负数",
        zeroTotal: "支出合计为0，无法计算比例",
        monthlyMissing: "请给出12个月的支出金额，例如 --monthly \"0,0,10,10,10,10,10,10,10,10,10,10\"",
        monthlyCount: "按月金额需要12个数（1月至12月），收到{n}个",
        monthlyBad: "按月金额中的“{item}”不是数字",
        crossYearNotAllowed: "有{share}%在12月底之后支付，12月底达不到100%；如属跨年（结转）项目请加 --cross-year",
        badBudget: "预算数应为大于0的金额，收到“{value}”",
        badUnit: "金额单位只能是“元”或“万元”，收到“{value}”",
        badDecimals: "小数位只能是0或1，收到“{value}”",
        badYear: "预算年度应为2000至2100之间的四位年份，收到“{value}”",
        badFloor: "序时进度下限应为0至100之间的数，收到“{value}”",
        noPlan: "这张表没有资金支出计划（3月底/6月底/10月底/12月底）单元格",
        planCellMissing: "这张表的资金支出计划缺少“{label}”单元格",
        badValues: "资金支出计划“{label}”的值“{value}”不是有效的百分比",
        unexpectedArg: "plan 命令不接受参数“{arg}”",
      },
    },
    help: `jixiao —— 项目支出绩效目标表检查工具

用法：
  jixiao check <工作簿 | 文件夹>... [选项]     检查工作簿中的绩效目标表（.xlsx .xlsm .xls .et .ods .csv）
  jixiao rules [--lang en] [--format json]       列出全部规则（编号、默认严重性、名称）
  jixiao plan --profile even|front|back|…        生成资金支出计划（3/6/10/12月底累计%），详见 jixiao plan --help
  jixiao suggest "<指标名称>" [--level1 …] [--level2 质量指标] [--type 会议] [--limit 10] [--import 文件] [--format json]
                                                 在指标库中查找标准表述（支持拼音全拼和首字母，如 xmyshgl）
  jixiao suggest --for <文件.xlsx> [--table N] [--limit 5] [--format json]
                                                 按第 N 个表格给出建议：推断项目类型，先列本表缺少（或只有过程指标）的类别
  jixiao library [--format json] [--import 文件.xlsx|xls|ods|csv|json] [--out 指标库.xlsx]
                                                 列出指标库；--import 先合并自定义指标库，--out 导出合并后的指标库
  jixiao extract <工作簿> --sheet 工作表 --range A9:A28 [--format json|xlsx] [--out 新表.xlsx]
                                                 把文字写成的绩效指标（如部门整体绩效目标的分项）转换为标准指标表，一项指标一行
  jixiao --help | --version

check 的选项：
  --format text|json        输出格式（默认 text；json 供其他程序读取）
  --rules 编号,编号         只运行这些规则
  --severity 编号=级别,...  调整严重性，级别为 error|warning|info|off（off 即关闭该规则）
  --year 2022               预算年度（用于项目编码、时效等检查）
  --library 文件.xlsx|xls|ods|csv|json
                            自定义指标库：合并到内置指标库之后用于比对指标名称（与其中名称一致的不再提示）
                            并作为修改建议；格式同 jixiao library --import
  --out 路径                写出标注副本：有问题的单元格填色（红=错误，黄=警告，蓝=提示）并加批注；
                            只检查一个文件时，路径就是副本的文件名；检查多个文件或文件夹时，
                            路径视为文件夹，副本按原文件名写入其中。原文件不会被修改。
  --lang zh-CN|en           输出语言（默认 zh-CN）
  --group-by table|code     文字报告按表格（默认）或按审核意见类型（11类）分组列出
  --opinions 审核意见.xlsx  写出审核意见表：每条结论一行（文件、项目名称、一级/二级/三级指标、单元格、
                            审核意见类型、审核意见），供审核人员修改后返回
  --jobs N                  同时检查的文件数（工作线程数，默认为处理器核数）；报告顺序不受影响
  --timeout 秒              单个文件的检查时限（默认 120，0 为不限）；超时的文件记为无法读取，其余照常检查
  --summary 文件.csv|.json  另写一份汇总：每个文件一行（文件、状态、表数、错误、警告、提示）
  --max-size MiB            单个文件的大小上限（默认 50）

可检查 .xlsx、.xlsm、.xls（Excel 97–2003）、.et（WPS 表格）、.ods 和 .csv（UTF-8 或 GBK 编码）；
非 .xlsx 文件的标注副本保存为 .xlsx。
文件夹会递归查找其中所有上述文件（按路径排序，跳过 ~$ 开头的临时文件）。
退出码：0 = 没有错误；1 = 发现错误级问题；2 = 有文件无法读取或用法有误（其余文件照常检查）。`,
    usageHint: "运行 jixiao --help 查看用法。",
    usage: {
      unknownCommand: "未知命令：{cmd}",
      unknownOption: "未知选项：{opt}",
      missingValue: "选项 {opt} 需要一个值",
      noInputs: "请指定要检查的 .xlsx 文件或文件夹",
      badFormat: "--format 只能是 text 或 json，收到：{value}",
      badLang: "--lang 只能是 zh-CN 或 en，收到：{value}",
      unknownRule: "未知的规则编号：{ids}。可用的规则：{valid}",
      badSeverity: "--severity 的写法应为 规则编号=error|warning|info|off，出错的是：{item}",
      badYear: "--year 应为四位年份（如 2022），收到：{value}",
      badLibrary: "--library 只支持工作簿（.xlsx、.xlsm、.xls、.et、.ods）、.csv 或 .json 文件，收到：{value}",
      outIsInput: "--out 不能指向被检查的文件本身：{file}",
      badGroupBy: "--group-by 只能是 table 或 code，收到：{value}",
      badOpinions: "--opinions 只支持 .xlsx 文件，收到：{value}",
      opinionsIsInput: "--opinions 不能指向被检查的文件本身：{file}",
      badJobs: "--jobs 应为正整数，收到：{value}",
      badTimeout: "--timeout 应为秒数（0 为不限），收到：{value}",
      badSummary: "--summary 的文件名应以 .csv 或 .json 结尾，收到：{value}",
      badMaxSize: "--max-size 应为正数（单位 MiB），收到：{value}",
    },
    groupLine: "{title}：共{n}处（{cells}），如：{message}",
    codeHeader: "【{code}】{n}条",
    opinions: {
      sheetName: "审核意见",
      columns: { file: "文件", project: "项目名称", level1: "一级指标", level2: "二级指标", level3: "三级指标", cell: "单元格", code: "审核意见类型", opinion: "审核意见" },
      written: "已写出审核意见表（{n}条）：{path}",
      failed: "无法写出审核意见表 {path}：{detail}",
      group: "共{n}处（{cells}），如：{message}",
    },
    file: "文件：{file}",
    table: "表{n}",
    projectName: "项目名称",
    projectCode: "项目编码",
    departmentTable: "部门整体支出绩效目标表",
    unitName: "部门（单位）",
    form: { "88": "88号表式（成本在产出下）", "101": "101号表式（成本为一级指标）" },
    blank: "（空）",
    noIssues: "未发现问题",
    noTable: "工作表“{sheet}”：未找到绩效目标表",
    noSheets: "工作簿中没有工作表",
    fixHint: "可改为：{fix}",
    fileSummary: "小计：{tables} 张表，{indicators} 个指标；错误 {errors} 个，警告 {warnings} 个，提示 {infos} 个",
    total: "合计：{files} 个文件，{tables} 张表，{indicators} 个指标；错误 {errors} 个，警告 {warnings} 个，提示 {infos} 个",
    totalFailed: "；{failed} 个文件无法读取",
    fileError: "{file}：无法读取——{reason}",
    readError: {
      missing: "文件或文件夹不存在",
      empty: "文件为空（0 字节）",
      encrypted: "文件设置了打开密码（已加密）；请去掉密码后再检查",
      notXlsx: "不是可检查的工作簿（.xlsx .xlsm .xls .et .ods .csv）：{detail}",
      corrupt: "文件已损坏，无法作为工作簿打开（{detail}）",
      unreadable: "无法读取文件（{detail}）",
      noXlsxInFolder: "文件夹中没有可检查的工作簿（.xlsx .xlsm .xls .et .ods .csv）",
      notFileOrFolder: "不是普通文件或文件夹",
      tooLarge: "文件过大，超出检查上限（{detail}）；确需检查时可用 --max-size 调高上限",
      sheetTooLarge: "工作表已用区域的单元格数超出检查上限（{detail}）；多为远离表格处误填的内容，请删除多余的行和列后再检查",
      unsafe: "文件结构异常，为安全起见不予读取（{detail}）；请用 Excel 或 WPS 打开后另存为 .xlsx 再检查",
      timeout: "检查超时（超过 {detail} 秒），已跳过；可用 --timeout 调整时限",
      crashed: "检查这个文件时工作线程异常退出（{detail}），已跳过；请把文件反馈给开发者",
      internal: "检查这个文件时程序出错（{detail}），请把文件反馈给开发者",
    },
    sniff: {
      png: "看起来是 PNG 图片",
      jpeg: "看起来是 JPEG 图片",
      gif: "看起来是 GIF 图片",
      pdf: "看起来是 PDF 文档",
      text: "看起来是文本文件",
      zip: "是压缩包，但其中没有 Excel 工作簿",
      office: "是 Office 文档，但不是表格",
      unknown: "文件格式无法识别",
    },
    rulesColumns: { id: "规则编号", severity: "默认严重性", title: "名称" },
    fixable: "可自动修正",
    outWritten: "已写出标注副本：{path}",
    outWrittenAsXlsx: "已写出标注副本：{path}（原文件为 {format}，副本保存为 .xlsx 格式）",
    summaryFailed: "无法写出汇总文件 {path}：{detail}",
    progress: "已检查 {done}/{total} 个文件，用时 {secs} 秒：{file}",
    outFailed: "无法写出标注副本 {path}：{detail}",
  },
};
