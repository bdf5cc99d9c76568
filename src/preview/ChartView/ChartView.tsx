/**
 * A recorded chart drawn simply as SVG: columns for bar series, polylines for line series, one shared scale, each
 * series in the colour the workbook set on it (a palette colour when it set none).
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { GridChart } from "../grid-model";

const WIDTH = 420;
const HEIGHT = 220;
const PAD = { left: 44, right: 12, top: 28, bottom: 36 };
const COLOURS = ["#0f6cbd", "#c43501", "#107c10", "#8764b8", "#986f0b", "#005b70"];

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  svg: { maxWidth: "100%", height: "auto", backgroundColor: "#ffffff", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  legend: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, fontSize: tokens.fontSizeBase200, listStyle: "none", margin: 0, padding: 0 },
  swatch: { display: "inline-block", width: "10px", height: "10px", marginRight: "4px" },
});

/** The value range drawn: always includes 0, so columns start at the axis. */
export function valueRange(chart: GridChart): { min: number; max: number } {
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  return { min, max: min === max ? min + 1 : max };
}

/** The colour a series is drawn in: the recorded one, else the palette's for its position. */
export function seriesColour(chart: GridChart, index: number): string {
  return chart.series[index]?.color ?? COLOURS[index % COLOURS.length];
}

export function ChartView({ chart }: { chart: GridChart }): ReactNode {
  const styles = useStyles();
  const { min, max } = valueRange(chart);
  const n = Math.max(1, chart.categories.length, ...chart.series.map((s) => s.values.length));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - ((v - min) / (max - min)) * plotH;
  const slot = plotW / n;
  const bars = chart.series.filter((s) => s.kind === "bar");
  const barW = bars.length > 0 ? (slot * 0.8) / bars.length : 0;
  const fmt = (v: number) => Number.parseFloat(v.toPrecision(3)).toString();
  const labelEvery = Math.ceil(n / 8);
  return (
    <figure className={styles.figure} data-testid="chart" data-chart={chart.name}>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={chart.title || chart.name}>
        <text x={PAD.left} y={18} fontSize="13" fontWeight="600" fill="#242424">
          {chart.title || chart.name}
        </text>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} stroke="#8a8a8a" />
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + plotH} stroke="#8a8a8a" />
        <text x={PAD.left - 4} y={y(max) + 4} fontSize="10" textAnchor="end" fill="#424242">
          {fmt(max)}
        </text>
        <text x={PAD.left - 4} y={y(min) + 4} fontSize="10" textAnchor="end" fill="#424242">
          {fmt(min)}
        </text>
        {chart.categories.map((c, i) =>
          i % labelEvery === 0 ? (
            <text key={i} x={PAD.left + slot * i + slot / 2} y={HEIGHT - PAD.bottom + 14} fontSize="9" textAnchor="middle" fill="#424242">
              {c}
            </text>
          ) : null,
        )}
        {bars.map((s, b) => {
          const colour = seriesColour(chart, chart.series.indexOf(s));
          return s.values.map((v, i) =>
            v === null ? null : (
              <rect
                key={`${b}-${i}`}
                data-series={s.name}
                x={PAD.left + slot * i + slot * 0.1 + barW * b}
                y={Math.min(y(v), y(0))}
                width={Math.max(1, barW - 1)}
                height={Math.abs(y(v) - y(0))}
                fill={colour}
              />
            ),
          );
        })}
        {chart.series
          .filter((s) => s.kind === "line")
          .map((s) => {
            const colour = seriesColour(chart, chart.series.indexOf(s));
            const points = s.values
              .map((v, i) => (v === null ? null : `${PAD.left + slot * i + slot / 2},${y(v)}`))
              .filter((p): p is string => p !== null)
              .join(" ");
            return <polyline key={s.name} data-series={s.name} points={points} fill="none" stroke={colour} strokeWidth="2" />;
          })}
      </svg>
      <ul className={styles.legend} aria-label={chart.title || chart.name}>
        {chart.series.map((s, i) => (
          <li key={`${s.name}-${i}`}>
            <span className={styles.swatch} style={{ backgroundColor: seriesColour(chart, i) }} aria-hidden="true" />
            {s.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}
