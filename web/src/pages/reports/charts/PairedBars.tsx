import { createMemo, Index } from "solid-js";
import { clip } from "./scale";

/** One bar of a row: its length, colour class, `<title>` and the text printed at its end. */
export type RowBar = { value: number; tone: string; title: string; text: string };
export type Row = { key: string; label: string; bars: RowBar[] };

const WIDTH = 720;
const LABEL = 180;
const VALUE = 120;
const BAR_H = 16;
const GAP = 4;
const ROW_GAP = 16;

/**
 * Horizontal bars side by side per row (billed beside cost, per client), all on one scale from
 * zero. An image named by `summary`, a `<title>` per bar; the table beside it has the numbers.
 */
export function PairedBars(props: { rows: Row[]; summary: string; testid?: string }) {
  const perRow = () => Math.max(1, ...props.rows.map((row) => row.bars.length));
  const rowHeight = () => perRow() * BAR_H + (perRow() - 1) * GAP + ROW_GAP;
  const height = () => props.rows.length * rowHeight() + ROW_GAP / 2;
  const max = createMemo(() => Math.max(1, ...props.rows.flatMap((row) => row.bars.map((bar) => bar.value))));
  const length = (value: number) => (Math.max(0, value) / max()) * (WIDTH - LABEL - VALUE);
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${height()}`} role="img" aria-label={props.summary} data-testid={props.testid}>
      <Index each={props.rows}>
        {(row, index) => {
          const top = () => ROW_GAP / 2 + index * rowHeight();
          return (
            <g class="chart-row">
              <text class="chart-label" x={LABEL - 10} y={top() + (rowHeight() - ROW_GAP) / 2} dy="0.32em" text-anchor="end">
                <title>{row().label}</title>
                {clip(row().label, 24)}
              </text>
              <Index each={row().bars}>
                {(bar, position) => {
                  const y = () => top() + position * (BAR_H + GAP);
                  return (
                    <g class="chart-bar">
                      <title>{bar().title}</title>
                      <rect class={`tone ${bar().tone}`} x={LABEL} y={y()} width={Math.max(bar().value > 0 ? 1 : 0, length(bar().value))} height={BAR_H} />
                      <text class="chart-value" x={LABEL + length(bar().value) + 6} y={y() + BAR_H / 2} dy="0.32em">
                        {bar().text}
                      </text>
                    </g>
                  );
                }}
              </Index>
            </g>
          );
        }}
      </Index>
      <line class="chart-axis" x1={LABEL} x2={LABEL} y1={0} y2={height()} />
    </svg>
  );
}
