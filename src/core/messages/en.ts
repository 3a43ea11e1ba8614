import type { zhCN } from "./zh-CN";

/** English catalog: the same keys as zh-CN.ts (checked by test/core/messages.test.ts). */
export const en: typeof zhCN = {
  rules: {
    // @@rules-a
    // @@rules-b
  },
  severity: { error: "error", warning: "warning", info: "info" },
  cli: {
    // @@cli
  },
};
