/**
 * The severity policy (docs/rules/README.md) and the reviewers' opinion codes. Every rule names the
 * class of problem it reports; the class fixes its default severity:
 * - arithmetic: the figures contradict each other (cost above budget, parts that do not add up, a plan
 *   that decreases or passes 100%, a rate above 100%) → error;
 * - required: a required value is missing (预算数, a 三级 name, 指标值) → error;
 * - review: what a reviewer sends back (vague or slogan indicators, process indicators as outputs,
 *   copied goals or tables, wrong category, a quantity without an operator, ≥100%) → warning;
 * - format: spelling and formatting with a safe fix (operator symbols, unit spelling) → info;
 * - hint: advice and completeness notes → info.
 */
import type { Severity } from "../model/schema";
import { worse } from "../model/severity";

export const POLICY_CLASSES = ["arithmetic", "required", "review", "format", "hint"] as const;
export type PolicyClass = (typeof POLICY_CLASSES)[number];

export const POLICY_SEVERITY: Record<PolicyClass, Severity> = {
  arithmetic: "error",
  required: "error",
  review: "warning",
  format: "info",
  hint: "info",
};

/**
 * The 11 codes under which the 一体化 system's review module files every opinion (审核意见类型).
 * Each rule names the one its findings answer.
 */
export const OPINION_CODES = [
  "指标不够完整",
  "指标不够细化、量化",
  "指标与项目的相关性不够",
  "指标与指标值不匹配",
  "建议拆分指标",
  "一级指标类型错误",
  "二级指标类型错误",
  "建议增加明确效益指标",
  "建议增加明确产出指标",
  "建议增加满意度指标",
  "其他",
] as const;
export type OpinionCode = (typeof OPINION_CODES)[number];

/** The milder of two severities. */
export function milder(a: Severity, b: Severity): Severity {
  return worse(a, b) ? b : a;
}

interface PolicyMeta {
  policy: PolicyClass;
  messagePolicy?: Readonly<Record<string, PolicyClass>>;
  opinion: OpinionCode;
  messageOpinion?: Readonly<Record<string, OpinionCode>>;
}

/** The policy class of one message of a rule (the rule's class unless the message has its own). */
export function policyOf(meta: PolicyMeta, messageId: string): PolicyClass {
  return meta.messagePolicy?.[messageId] ?? meta.policy;
}

/** The opinion code a finding answers. */
export function opinionOf(meta: PolicyMeta, messageId: string): OpinionCode {
  return meta.messageOpinion?.[messageId] ?? meta.opinion;
}
