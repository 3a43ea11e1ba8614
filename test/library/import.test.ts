/** Custom libraries: column detection, bad rows, all-or-nothing, round trips, merging. */
import { BUILTIN_ENTRIES } from "../../src/core/library/builtin";
import { libraryToRows, mergeLibraries, parseLibraryRows, detectColumns } from "../../src/core/library/import";
import { parseCsv, toCsv } from "../../src/core/library/csv";
import { pinyinOf } from "../../src/core/library/pinyin";
import { createSearchIndex, search } from "../../src/core/library/search";
import type { LibraryEntry } from "../../src/core/library/schema";

const strip = (e: LibraryEntry): LibraryEntry => {
  const { pinyin: _p, ...rest } = e;
  return rest;
};

const HEADER = ["一级指标", "二级指标", "三级指标", "指标解释", "计量单位", "指标值", "项目类型"];

describe("column detection", () => {
  test("labels of real sheets, the tsv and the 101 template (split operator column)", () => {
    expect(detectColumns(["一级", "二级", "三级指标名称", "指标说明", "计量单位", "典型指标值(示例)", "项目类型", "source_url"])).toEqual({
      level1: 0, level2: 1, name: 2, definition: 3, unit: 4, typical: 5, types: 6, provenance: 7,
    });
    expect(detectColumns(["指标名称", "指标性质", "指标值", "度量单位", "指标方向性", "二级指标"])).toEqual({
      name: 0, op: 1, typical: 2, unit: 3, direction: 4, level2: 5,
    });
  });
  test("the header row is found below a title; rows keep their sheet row numbers", () => {
    const r = parseLibraryRows([["某局自定义指标库"], [], HEADER, ["产出指标", "数量指标", "巡河次数", "全年河长巡河的次数", "次", "≥48", "环保"], ["", "", "", "", "", "", ""], ["产出指标", "", "巡查里程", "巡查的河道长度", "公里", "≥X", ""]]);
    expect(r.error).toBeNull();
    expect(r.entries.map((e) => [e.name, e.typical, e.types])).toEqual([["巡河次数", "≥48次", ["环保/污染治理"]]]);
    expect(r.skipped).toEqual([{ row: 6, reason: "missingLevel2", detail: "巡查里程" }]);
  });
  test("split operator + value columns are joined; the 一级 follows from the 二级 when absent", () => {
    const r = parseLibraryRows([["二级指标", "指标名称", "指标性质", "指标值", "度量单位", "指标方向性"], ["经济成本指标", "巡河人均成本", "≤", "200", "元/人", "反向"]]);
    expect(r.entries[0]).toMatchObject({ level1: "成本指标", level2: "经济成本指标", typical: "≤200元/人", unit: "元/人", direction: "反向" });
    expect(r.entries[0].id).toMatch(/^c:/);
  });
  test("an explicit mapping overrides detection (by index or by label)", () => {
    const rows = [["A", "B", "C"], ["质量指标", "水质达标率", "≥95%"]];
    expect(parseLibraryRows(rows).error).toEqual({ code: "noHeader" });
    const r = parseLibraryRows(rows, { level2: 0, name: "B", typical: 2 });
    expect(r.error).toBeNull();
    expect(r.entries[0]).toMatchObject({ level1: "产出指标", level2: "质量指标", name: "水质达标率", unit: "%", typical: "≥95%" });
  });
});

describe("bad input: report the rows, import nothing half-way", () => {
  const rows = [
    HEADER,
    ["产出指标", "数量指标", "巡河次数", "全年河长巡河的次数", "次", "≥48次", "环保"], // 2 ok
    ["产出指标", "数量指标", "", "没有名称", "次", "≥1次", ""], // 3 missing name
    ["产出指标", "数量二级", "巡查次数", "x", "次", "≥1次", ""], // 4 unknown 二级
    ["满意度指标", "数量指标", "巡查人次", "x", "人次", "≥1人次", ""], // 5 二级 not under the 一级
    ["产出指标", "数量指标", "巡河长度", "x", "个人", "≥1", ""], // 6 odd unit
    ["产出指标", "质量指标", "水质达标率", "x", "%", "≥5人", ""], // 7 value unit ≠ unit column
    ["产出指标", "数量指标", "巡河次数", "重复", "次", "≥40次", ""], // 8 duplicate of row 2
    ["产出指标", "质量指标", "河面保洁率", "保洁达标的河段占比", "百分比", "≥90", ""], // 9 ok, 百分比 → %
  ];
  test("each bad row is skipped with its reason; good rows are imported", () => {
    const r = parseLibraryRows(rows, {}, { source: "河长办.xlsx" });
    expect(r.error).toBeNull();
    expect(r.entries.map((e) => [e.name, e.unit, e.typical])).toEqual([
      ["巡河次数", "次", "≥48次"],
      ["河面保洁率", "%", "≥90%"],
    ]);
    expect(r.skipped.map((s) => [s.row, s.reason])).toEqual([
      [3, "missingName"],
      [4, "badLevel2"],
      [5, "levelMismatch"],
      [6, "oddUnit"],
      [7, "unitMismatch"],
      [8, "duplicate"],
    ]);
    expect(r.skipped.find((s) => s.reason === "duplicate")?.detail).toBe("2");
    expect(r.entries[0].provenance).toEqual({ kind: "custom", url: null, label: "河长办.xlsx" });
  });
  test("来源: words and an address; the level follows from both, a non-government address is never official", () => {
    const head = ["二级指标", "三级指标", "计量单位", "来源"];
    const r = parseLibraryRows(
      [
        head,
        ["数量指标", "巡河次数", "次", "某县水利局 2023年项目支出绩效目标表（公开） http://slj.example.gov.cn/a.html"],
        ["数量指标", "巡查里程", "公里", "某县水利局 2023年项目支出绩效目标表（公开） http://www.wenku-mirror.com/a.html"],
        ["数量指标", "清淤长度", "公里", "https://www.someplace.gov.cn/b.html"],
        ["数量指标", "保洁面积", "平方米", "依据 某省河湖管护标准"],
        ["数量指标", "设立公示牌数", "块", "本局整理"],
      ],
      {},
      { source: "河长办.xlsx" },
    );
    expect(r.entries.map((e) => e.provenance)).toEqual([
      { kind: "official", url: "http://slj.example.gov.cn/a.html", label: "某县水利局 2023年项目支出绩效目标表（公开）" },
      { kind: "reposted", url: "http://www.wenku-mirror.com/a.html", label: "转载，待核实：某县水利局 2023年项目支出绩效目标表（公开）" },
      { kind: "official", url: "https://www.someplace.gov.cn/b.html", label: "政府网站公开资料（www.someplace.gov.cn）" },
      { kind: "standard", url: null, label: "依据 某省河湖管护标准" },
      { kind: "custom", url: null, label: "本局整理" },
    ]);
  });
  test("strict: one skipped row and nothing is imported", () => {
    const r = parseLibraryRows(rows, {}, { strict: true });
    expect(r.entries).toEqual([]);
    expect(r.error).toEqual({ code: "rowsSkipped", count: 6 });
  });
  test("missing required columns: nothing is imported, whatever the rows hold", () => {
    const r = parseLibraryRows([["一级指标", "三级指标", "指标值"], ["产出指标", "巡河次数", "≥48次"]]);
    expect(r).toMatchObject({ entries: [], skipped: [], error: { code: "missingColumns", columns: ["level2"] } });
    expect(parseLibraryRows([{ 指标名称: "巡河次数" }]).error).toEqual({ code: "missingColumns", columns: ["level2"] });
  });
  test("bad direction, bad range, ids with spaces, same id twice", () => {
    const r = parseLibraryRows([
      ["编号", "二级指标", "三级指标", "计量单位", "指标值", "指标方向", "取值范围"],
      ["A1", "质量指标", "甲率", "%", "≥90%", "向上", ""],
      ["A2", "质量指标", "乙率", "%", "≥90%", "", "98-85"],
      ["A 3", "质量指标", "丙率", "%", "≥90%", "", ""],
      ["A4", "质量指标", "丁率", "%", "≥90%", "正向", "85-98"],
      ["A4", "质量指标", "戊率", "%", "≥90%", "", ""],
    ]);
    expect(r.skipped.map((s) => s.reason)).toEqual(["badDirection", "badRange", "badId", "duplicate"]);
    expect(r.entries.map((e) => [e.id, e.valueForm.range])).toEqual([["c:A4", [85, 98]]]);
  });
});

describe("round trips", () => {
  test("built-in library → rows → parse → the same entries (pinyin aside)", () => {
    const rows = libraryToRows(BUILTIN_ENTRIES);
    expect(rows[0]).toEqual(["编号", "一级指标", "二级指标", "三级指标", "指标解释", "计量单位", "指标值", "取值范围", "指标方向", "项目类型", "别名", "来源"]);
    const r = parseLibraryRows(rows);
    expect(r.error).toBeNull();
    expect(r.skipped).toEqual([]);
    expect(r.entries).toEqual(BUILTIN_ENTRIES.map(strip));
  });
  test("… through CSV text too, and with pinyin computed at import it equals the precomputed one", () => {
    const text = toCsv(libraryToRows(BUILTIN_ENTRIES.slice(0, 80)));
    const r = parseLibraryRows(parseCsv("\uFEFF" + text), {}, { pinyin: pinyinOf });
    expect(r.entries).toEqual(BUILTIN_ENTRIES.slice(0, 80));
  });
  test("JSON records (as the CLI's library --format json writes them, keyed by labels)", () => {
    const rows = libraryToRows(BUILTIN_ENTRIES.slice(0, 30));
    const records = rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));
    expect(parseLibraryRows(records).entries).toEqual(BUILTIN_ENTRIES.slice(0, 30).map(strip));
  });
  test("CSV: quotes, doubled quotes, line breaks inside a field, CRLF, tab-separated files", () => {
    expect(parseCsv('a,"b,1","c ""q""",d\r\n"x\ny",2,,\r\n')).toEqual([["a", "b,1", 'c "q"', "d"], ["x\ny", "2", "", ""]]);
    expect(parseCsv("一级\t二级\n产出指标\t数量指标\n")).toEqual([["一级", "二级"], ["产出指标", "数量指标"]]);
  });
});

describe("mergeLibraries", () => {
  const builtin = BUILTIN_ENTRIES;
  const byName = (n: string) => builtin.find((e) => e.name === n)!;
  test("custom wins on the same id and on the same name + 二级; new ones are appended; order kept", () => {
    const sameId: LibraryEntry = { ...byName("培训人次"), typical: "≥500人次", provenance: { kind: "custom", url: null, label: "本局" } };
    const [sameName] = parseLibraryRows([["二级指标", "三级指标", "指标值", "计量单位"], ["数量指标", "与会人数", "≥300", "人"]]).entries;
    const [fresh] = parseLibraryRows([["二级指标", "三级指标", "计量单位"], ["数量指标", "巡河次数", "次"]]).entries;
    const merged = mergeLibraries(builtin, [sameId, sameName, fresh]);
    expect(merged).toHaveLength(builtin.length + 1);
    expect(merged.indexOf(sameId)).toBe(builtin.indexOf(byName("培训人次")));
    expect(merged.indexOf(sameName)).toBe(builtin.indexOf(byName("与会人数")));
    expect(merged.at(-1)).toBe(fresh);
    expect(merged.filter((e) => e.name === "与会人数")).toEqual([sameName]);
    // The merged library searches as one.
    const idx = createSearchIndex(merged, { pinyin: pinyinOf });
    expect(search(idx, "巡河次数")[0].entry.id).toBe(fresh.id);
    expect(search(idx, "xhcs")[0].entry.id).toBe(fresh.id);
  });
  test("a custom entry matching two built-in ones (one by id, one by name) replaces both", () => {
    const a = byName("培训人次");
    const b = byName("与会人数");
    const c: LibraryEntry = { ...b, id: a.id };
    const merged = mergeLibraries(builtin, [c]);
    expect(merged).toHaveLength(builtin.length - 1);
    expect(merged.filter((e) => e.id === a.id)).toEqual([c]);
  });
});
