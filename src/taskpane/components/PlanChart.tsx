import { tokens } from "@fluentui/react-components";
import type { PlanValues } from "../../core/plan";
import { CHECKPOINT_MONTH } from "../../core/plan";
import { PLAN_KEYS } from "../../core/model/schema";
import { useT } from "../i18n";

const W = 280;
const H = 150;
const PAD = { left: 30, right: 8, top: 8, bottom: 22 };
const PW = W - PAD.left - PAD.right;
const PH = H - PAD.top - PAD.bottom;

const x = (month: number): number => PAD.left + (month / 12) * PW;
const y = (pct: number): number => PAD.top + (1 - Math.max(0, Math.min(100, pct)) / 100) * PH;
const pt = (month: number, pct: number): string => `${x(month).toFixed(1)},${y(pct).toFixed(1)}`;

/**
 * Cumulative spending by month end as an inline SVG (no chart library): the plan's 12-point series
 * (starting from what was paid before the year), its four checkpoint values as dots, and the
 * 序时进度 line (time-proportional: 25 / 50 / 83 / 100 at the checkpoints) dashed on top for comparison.
 * Scales with the pane's width (viewBox); described for screen readers by its aria-label.
 */
export function PlanChart({ series, before, values }: { series: readonly number[]; before: number; values: PlanValues }) {
  const t = useT();
  const plan = [pt(0, before), ...series.map((v, i) => pt(i + 1, v))].join(" ");
  const label = t("plan.chartLabel", { m3: values.m3, m6: values.m6, m10: values.m10, m12: values.m12 });
  const brand = tokens.colorBrandForeground1;
  const muted = tokens.colorNeutralForeground3;
  const grid = tokens.colorNeutralStroke2;
  return (
    <figure style={{ margin: 0, minWidth: 0 }} data-testid="plan-chart">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label} style={{ display: "block", maxWidth: W * 1.4 }}>
        <title>{label}</title>
        {[0, 25, 50, 75, 100].map((p) => (
          <g key={p}>
            <line x1={x(0)} x2={x(12)} y1={y(p)} y2={y(p)} stroke={grid} strokeWidth={p === 0 ? 1 : 0.5} />
            <text x={PAD.left - 4} y={y(p) + 3} fontSize={9} textAnchor="end" fill={muted}>{`${p}%`}</text>
          </g>
        ))}
        {PLAN_KEYS.map((k) => (
          <g key={k}>
            <line x1={x(CHECKPOINT_MONTH[k])} x2={x(CHECKPOINT_MONTH[k])} y1={y(0)} y2={y(0) + 3} stroke={muted} />
            <text x={x(CHECKPOINT_MONTH[k])} y={H - 8} fontSize={9} textAnchor="middle" fill={muted}>
              {t(`plan.ticks.${k}`)}
            </text>
          </g>
        ))}
        <polyline points={plan} fill="none" stroke={brand} strokeWidth={2} strokeLinejoin="round" data-series="plan" />
        <polyline points={`${pt(0, 0)} ${pt(12, 100)}`} fill="none" stroke={tokens.colorNeutralForeground2} strokeWidth={1} strokeDasharray="4 3" data-series="time" />
        {PLAN_KEYS.map((k) => (
          <circle key={k} cx={x(CHECKPOINT_MONTH[k])} cy={y(series[CHECKPOINT_MONTH[k] - 1] ?? 0)} r={3} fill={brand} data-point={k} />
        ))}
      </svg>
      <figcaption style={{ display: "flex", flexWrap: "wrap", gap: 12, fontSize: tokens.fontSizeBase200, color: muted }} aria-hidden="true">
        <span>
          <svg width={18} height={8} aria-hidden="true">
            <line x1={0} x2={18} y1={4} y2={4} stroke={brand} strokeWidth={2} />
          </svg>{" "}
          {t("plan.legendPlan")}
        </span>
        <span>
          <svg width={18} height={8} aria-hidden="true">
            <line x1={0} x2={18} y1={4} y2={4} stroke={muted} strokeWidth={1} strokeDasharray="4 3" />
          </svg>{" "}
          {t("plan.legendTime")}
        </span>
      </figcaption>
    </figure>
  );
}
