/**
 * zh-CN catalog (the primary language). `rules[id]` holds the title, the basis and one template per
 * message id the rule declares; placeholders are {name}. en.ts must have exactly the same keys.
 */
export const zhCN = {
  rules: {
    // @@rules-a
    // @@rules-b
  },
  severity: { error: "错误", warning: "警告", info: "提示" },
  cli: {
    // @@cli
  },
};
