/**
 * A recorded chart drawn simply as SVG: columns for bar series, polylines for line series, one shared scale, each
 * series in the colour the workbook set on it (a palette colour when it set none). It honours what the workbook
 * set on the chart: the axis titles and the value axis's number format (0% → 93 %, not 0.933); crowded period
 * labels are thinned to what fits; a chart without a single number says so instead of drawing empty axes; the
 * attainment chart gets its 100 % line. The title is an HTML caption above the drawing, so it wraps, never cut.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { GridChart } from "../grid-model";

const WIDTH = 420;
const HEIGHT = 230;
const COLOURS = ["#0f6cbd", "#c43501", "#107c10", "#8764b8", "#986f0b", "#005b70"];
/** Average width of a 9 px label character in the SVG's units (CJK characters count double). */
const CHAR_WIDTH = 5.2;

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  caption: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  svg: { maxWidth: "100%", height: "auto", backgroundColor: "#ffffff", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  legend: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, fontSize: tokens.fontSizeBase200, listStyle: "none", margin: 0, padding: 0 },
  swatch: { display: "inline-block", width: "10px", height: "10px", marginRight: "4px" },
});

/** The value range drawn: always includes 0 (columns start at the axis) and the reference line, if any. */
export function valueRange(chart: GridChart): { min: number; max: number } {
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  if (typeof chart.reference === "number") values.push(chart.reference);
  const min = Math.min(0, ...values, chart.valueAxis?.minimum ?? 0);
  const max = Math.max(0, ...values);
  const top = typeof chart.valueAxis?.maximum === "number" && chart.valueAxis.maximum > min ? chart.valueAxis.maximum : max;
  return { min, max: min === top ? min + 1 : top };
}

/** The colour a series is drawn in: the recorded one, else the palette's for its position. */
export function seriesColour(chart: GridChart, index: number): string {
  return chart.series[index]?.color ?? COLOURS[index % COLOURS.length] ?? "#0f6cbd";
}

/** A value as the axis's number format shows it: "0%" → 93%, "0.0%" → 93.3%, anything else 3 significant digits. */
export function axisNumber(value: number, numberFormat: string | undefined, language = "en-US"): string {
  const format = numberFormat ?? "General";
  const percent = /%/.test(format.replace(/"[^"]*"/g, ""));
  const decimals = /\.(0+)/.exec(format)?.[1]?.length ?? 0;
  if (percent) return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: decimals, minimumFractionDigits: decimals }).format(value);
  if (/^0(\.0+)?$/.test(format)) return new Intl.NumberFormat(language, { maximumFractionDigits: decimals, minimumFractionDigits: decimals }).format(value);
  return Number.parseFloat(value.toPrecision(3)).toLocaleString(language);
}

function labelWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? CHAR_WIDTH * 2 : CHAR_WIDTH;
  return w;
}

/** Every how many categories a label is drawn so that none overlap (1: all of them). */
export function labelStep(categories: readonly string[], plotWidth: number): number {
  const n = categories.length;
  if (n === 0) return 1;
  const widest = Math.max(...categories.map(labelWidth)) + 6;
  const fit = Math.max(1, Math.floor(plotWidth / widest));
  return Math.max(1, Math.ceil(n / fit));
}

/**
 * A line series that is the chart's reference line and nothing else (the workbook's "100 %" series on the attainment
 * chart, a column of 1s): the view draws it as its dashed reference line, and it is no data of its own.
 */
export function isReferenceSeries(chart: GridChart, s: GridChart["series"][number]): boolean {
  return typeof chart.reference === "number" && s.kind === "line" && s.values.length > 0 && s.values.every((v) => v === chart.reference);
}

/** Whether the chart has anything to draw: at least one number in a series (the reference line's aside). */
export function hasData(chart: GridChart): boolean {
  return chart.series.some((s) => !isReferenceSeries(chart, s) && s.values.some((v) => v !== null && Number.isFinite(v)));
}

export interface ChartViewProps {
  chart: GridChart;
  /** Said on a chart without a single number. */
  emptyText?: string;
  language?: string;
}

export function ChartView({ chart, emptyText = "Not enough data yet: the chart fills in as check-ins arrive.", language = "en-US" }: ChartViewProps): ReactNode {
  const styles = useStyles();
  const title = chart.title || chart.name;
  const valueTitle = chart.valueAxis?.title ?? null;
  const categoryTitle = chart.categoryAxis?.title ?? null;
  const pad = { left: valueTitle ? 62 : 48, right: 12, top: 12, bottom: categoryTitle ? 46 : 32 };
  const { min, max } = valueRange(chart);
  const n = Math.max(1, chart.categories.length, ...chart.series.map((s) => s.values.length));
  const plotW = WIDTH - pad.left - pad.right;
  const plotH = HEIGHT - pad.top - pad.bottom;
  const y = (v: number) => pad.top + plotH - ((v - min) / (max - min)) * plotH;
  const slot = plotW / n;
  const bars = chart.series.filter((s) => s.kind === "bar");
  const barW = bars.length > 0 ? (slot * 0.8) / bars.length : 0;
  const fmt = (v: number) => axisNumber(v, chart.valueAxis?.numberFormat, language);
  const step = labelStep(chart.categories, plotW);
  const ticks = [...new Set([min, min < 0 && max > 0 ? 0 : null, max].filter((v): v is number => v !== null))];
  const drawable = hasData(chart);
  return (
    <figure className={styles.figure} data-testid="chart" data-chart={chart.name}>
      <figcaption className={styles.caption}>{title}</figcaption>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={drawable ? title : `${title}: ${emptyText}`}>
        <line x1={pad.left} x2={WIDTH - pad.right} y1={y(0)} y2={y(0)} stroke="#8a8a8a" />
        <line x1={pad.left} x2={pad.left} y1={pad.top} y2={pad.top + plotH} stroke="#8a8a8a" />
        {ticks.map((v) => (
          <text key={v} x={pad.left - 4} y={y(v) + 4} fontSize="10" textAnchor="end" fill="#424242" data-tick={v}>
            {fmt(v)}
          </text>
        ))}
        {valueTitle ? (
          <text x={12} y={pad.top + plotH / 2} fontSize="10" textAnchor="middle" fill="#424242" transform={`rotate(-90 12 ${pad.top + plotH / 2})`} data-axis-title="value">
            {valueTitle}
          </text>
        ) : null}
        {categoryTitle ? (
          <text x={pad.left + plotW / 2} y={HEIGHT - 6} fontSize="10" textAnchor="middle" fill="#424242" data-axis-title="category">
            {categoryTitle}
          </text>
        ) : null}
        {chart.categories.map((c, i) =>
          i % step === 0 ? (
            <text key={i} x={pad.left + slot * i + slot / 2} y={HEIGHT - pad.bottom + 14} fontSize="9" textAnchor="middle" fill="#424242" data-category-label="true">
              {c}
            </text>
          ) : null,
        )}
        {!drawable ? (
          <text x={pad.left + plotW / 2} y={pad.top + plotH / 2} fontSize="11" textAnchor="middle" fill="#616161" data-testid="chart-empty">
            {emptyText}
          </text>
        ) : null}
        {drawable && typeof chart.reference === "number" ? (
          <g data-reference={chart.reference}>
            <line x1={pad.left} x2={WIDTH - pad.right} y1={y(chart.reference)} y2={y(chart.reference)} stroke="#616161" strokeDasharray="4 3" />
            <text x={WIDTH - pad.right - 2} y={y(chart.reference) - 3} fontSize="9" textAnchor="end" fill="#424242">
              {fmt(chart.reference)}
            </text>
          </g>
        ) : null}
        {bars.map((s, b) => {
          const colour = seriesColour(chart, chart.series.indexOf(s));
          return s.values.map((v, i) =>
            v === null ? null : (
              <rect
                key={`${b}-${i}`}
                data-series={s.name}
                x={pad.left + slot * i + slot * 0.1 + barW * b}
                y={Math.min(y(v), y(0))}
                width={Math.max(1, barW - 1)}
                height={Math.abs(y(v) - y(0))}
                fill={colour}
              />
            ),
          );
        })}
        {chart.series
          .filter((s) => s.kind === "line" && !isReferenceSeries(chart, s))
          .map((s) => {
            const colour = seriesColour(chart, chart.series.indexOf(s));
            const points = s.values
              .map((v, i) => (v === null ? null : `${pad.left + slot * i + slot / 2},${y(v)}`))
              .filter((p): p is string => p !== null)
              .join(" ");
            return <polyline key={s.name} data-series={s.name} points={points} fill="none" stroke={colour} strokeWidth="2" />;
          })}
      </svg>
      <ul className={styles.legend} aria-label={title}>
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
