/** The CLI passes the built-in indicator library to the nonstandard-wording rule (it reports nothing without one). */
import { withLibrary } from "../../src/cli/check";
import { builtinSearchIndex } from "../../src/core/library/builtin-index";
import { createSearchIndex } from "../../src/core/library/search";
import { ALL_RULES } from "../../src/core/rules/registry";
import type { RunConfig } from "../../src/core/rules/engine";

const builtin = builtinSearchIndex();

test.each<[string, RunConfig, unknown]>([
  ["every rule", {}, builtin],
  ["--year kept next to it", { options: { year: 2022 } }, builtin],
  ["--rules with it", { only: ["nonstandard-wording", "unit-wording"] }, builtin],
  ["--rules without it: not built", { only: ["unit-wording"] }, undefined],
  ["switched off", { severity: { "nonstandard-wording": "off" } }, undefined],
  ["a rule list without it", { rules: ALL_RULES.filter((r) => r.meta.id !== "nonstandard-wording") }, undefined],
])("%s", (_, config, index) => {
  const out = withLibrary(config);
  expect(out.options?.libraryIndex).toBe(index);
  expect(out.options?.year).toBe(config.options?.year);
  expect(out.only).toBe(config.only);
});

test("a library given by the caller is kept", () => {
  const custom = createSearchIndex(builtin.entries.slice(0, 10));
  expect(withLibrary({ options: { libraryIndex: custom } }).options?.libraryIndex).toBe(custom);
});
