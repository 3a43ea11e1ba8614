/** The label vocabulary: header roles, field labels, plan checkpoints, goal-line splitting. */
import { classifyLabel, columnRolesFromHeader, headerRole, planCheckpoint, splitGoalLines } from "../../src/core/layout";

describe("headerRole / columnRolesFromHeader", () => {
  test.each([
    ["一级指标", "level1"],
    ["二级指标", "level2"],
    ["三级指标", "name"],
    ["指标名称", "name"],
    ["三级指标名称", "name"],
    ["绩效指标描述", "description"],
    ["指标解释", "description"],
    ["指标说明", "description"],
    ["指标值", "value"],
    ["年度指标值", "value"],
    ["指标值及单位", "value"],
    ["目标值", "value"],
    ["指标值（包含数字及文字描述）", "value"],
    ["预期达到目标", "value"], // 湖南 县级 部门整体支出项目绩效目标申报表 (hn-lixian-2021-shiyongjun-zhengti)
    ["指标值确定依据", "basis"],
    ["绩效标准", "basis"],
    ["评价标准", "basis"],
    ["评(计)分标准", "basis"],
    ["评（计）分标准", "basis"],
    ["评分标准", "basis"],
    ["指标性质", "op"],
    ["运算符号", "op"],
    ["计算符号", "op"], // 江西 一体化 部门整体 (jx-fuliang-2026-linyeju-zhengti)
    ["指标值说明", "basis"], // why the value was set: 江西 一体化 (jx-fuliang-2026-linyeju-zhengti)
    ["度量单位", "unit"],
    ["计量单位", "unit"],
    ["权重", "weight"],
    ["分值", "weight"],
    ["权重（%）", "weight"],
    ["指标方向", "direction"],
    ["指标方向性", "direction"],
    [" 一级 指标 ", "level1"],
    ["一级指标：", "level1"],
  ])("%s → %s", (label, role) => {
    expect(headerRole(label)).toBe(role);
  });

  test.each(["", "备注", "项目验收合格率", "≥95百分比", "产出指标", "计划标准", "指标值确定依据是文件规定的标准"])(
    "%s is no header",
    (label) => {
      expect(headerRole(label)).toBeNull();
    },
  );

  test("a whole header row, with blanks and a repeated role", () => {
    expect(
      columnRolesFromHeader(["一级指标", "二级指标", "三级指标", "绩效指标描述", "", "指标值", "指标值确定依据", "备注", "目标值"]),
    ).toEqual(["level1", "level2", "name", "description", "ignore", "value", "basis", "ignore", "ignore"]);
  });
});

describe("classifyLabel: field labels and their variants", () => {
  test.each([
    ["项目编码", "projectCode"],
    ["项目代码", "projectCode"],
    ["项目名称", "projectName"],
    ["项目名称：", "projectName"],
    ["预算数", "budgetTotal"],
    ["预算数（万元）", "budgetTotal"],
    ["年度预算数", "budgetTotal"],
    ["资金总额", "budgetTotal"],
    ["其中：财政    资金", "budgetFiscal"],
    ["其中：财政拨款", "budgetFiscal"],
    ["财政资金", "budgetFiscal"],
    ["公共财政拨款", "budgetFiscal"], // 按收入性质分 block of 湖南 整体支出申报表 (hn-lixian-2021-shiyongjun-zhengti)
    ["其他资金", "budgetOther"],
    ["其中：其他资金", "budgetOther"],
    ["预算规模及资金用途", "budgetBlock"],
    ["资金用途", "purpose"],
    ["资金支出计划（%）", "plan"],
    ["资金支出计划", "plan"],
    ["绩效目标", "goal"],
    ["年度绩效目标", "goal"],
    ["单位：元", "moneyUnit"],
    ["金额单位：万元", "moneyUnit"],
    ["单位:万元", "moneyUnit"],
    ["预算单位", "unitName"],
    ["1.工业新区基础设施建设项目资金绩效目标表", "title"],
    ["项目支出绩效目标申报表", "title"],
  ])("%s → %s", (text, field) => {
    expect(classifyLabel(text).field).toBe(field);
  });

  test("money units of labels", () => {
    expect(classifyLabel("单位：元").unit).toBe("元");
    expect(classifyLabel("单位：万元").unit).toBe("万元");
    expect(classifyLabel("预算数（万元）").unit).toBe("万元");
    expect(classifyLabel("预算数").unit).toBeNull();
  });

  test("labels with their value inline", () => {
    expect(classifyLabel("预算单位：303001测试单位本级")).toMatchObject({ field: "unitName", inline: "303001测试单位本级" });
    expect(classifyLabel("项目名称：2022年培训项目")).toMatchObject({ field: "projectName", inline: "2022年培训项目" });
    expect(classifyLabel("填报人：张三").field).toBeNull();
  });

  test.each([
    "工业新区2021年文安县第三次重点项目开工会场搭建项目资金",
    "13102622P00237611645J",
    "200000.00",
    "≥95百分比",
    "项目单位满意度",
    "绩效目标完成情况",
    "12月",
    "预算执行率",
    "#REF!",
  ])("%s is a value, not a label", (text) => {
    const info = classifyLabel(text);
    expect([info.field, info.plan, info.role]).toEqual([null, null, null]);
  });
});

describe("planCheckpoint", () => {
  test.each([
    ["3月底", "m3"],
    ["6月底", "m6"],
    ["10月底", "m10"],
    ["12月底", "m12"],
    ["３月末", "m3"],
    ["截至6月底", "m6"],
    ["9月底", null],
    ["12月", null],
    ["≤12月份", null],
  ])("%s → %s", (text, key) => {
    expect(planCheckpoint(text)).toBe(key);
  });
});

describe("splitGoalLines", () => {
  test.each<[string, string[]]>([
    ["1.一\n2.二\n\n3.三", ["1.一", "2.二", "3.三"]],
    ["1.举办培训班4期；2.培训干部200人次；3.合格率90%以上。", ["1.举办培训班4期", "2.培训干部200人次", "3.合格率90%以上。"]],
    ["1、检测水样100份 2、按时出具报告", ["1、检测水样100份", "2、按时出具报告"]],
    ["（1）完成点位20个；（2）出具报告12份。", ["（1）完成点位20个", "（2）出具报告12份。"]],
    ["一、完善设施。二、优化环境。", ["一、完善设施。", "二、优化环境。"]],
    ["完成率达到95.5%，2.0版系统上线", ["完成率达到95.5%，2.0版系统上线"]],
    ["提升园区配套水平", ["提升园区配套水平"]],
    ["前言：1.甲；2.乙", ["前言：", "1.甲", "2.乙"]],
    ["", []],
  ])("%j", (text, lines) => {
    expect(splitGoalLines(text)).toEqual(lines);
  });
});
