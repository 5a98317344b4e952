import { createMemo, For, Index, Show } from "solid-js";
import { niceScale } from "./scale";

/** One coloured part of a bar; `tone` is the CSS class that colours it (see reports.css). */
export type Segment = { value: number; tone: string };
/** A bar: its axis label (and an optional second line), the text of its `<title>`, its parts. */
export type Bar = { key: string; label: string; sublabel?: string | undefined; title: string; segments: Segment[] };

const WIDTH = 720;
const HEIGHT = 240;
const PAD = { top: 12, right: 8, bottom: 44, left: 76 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

const totalOf = (bar: Bar) => bar.segments.reduce((sum, segment) => sum + Math.max(0, segment.value), 0);

/**
 * Vertical bars, each a stack of segments (one segment makes a plain bar chart). An image to
 * assistive technology, named by `summary`; each bar carries a `<title>` for pointer users, and
 * the page shows the same numbers in a table.
 */
export function StackedBars(props: { bars: Bar[]; summary: string; tick: (value: number) => string; testid?: string }) {
  const scale = createMemo(() => niceScale(Math.max(0, ...props.bars.map(totalOf))));
  const band = () => PLOT_W / Math.max(1, props.bars.length);
  const barWidth = () => Math.min(56, band() * 0.7);
  const y = (value: number) => PAD.top + PLOT_H - (value / scale().max) * PLOT_H;
  // At most about a dozen axis labels; every bar keeps its title.
  const labelEvery = () => Math.ceil(props.bars.length / 12);
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.summary} data-testid={props.testid}>
      <g class="chart-grid">
        <For each={scale().ticks}>
          {(tick) => (
            <g>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
              <text x={PAD.left - 8} y={y(tick)} dy="0.32em" text-anchor="end">
                {props.tick(tick)}
              </text>
            </g>
          )}
        </For>
      </g>
      <Index each={props.bars}>
        {(bar, index) => {
          const left = () => PAD.left + band() * index;
          const x = () => left() + (band() - barWidth()) / 2;
          const parts = () => {
            let base = 0;
            return bar()
              .segments.filter((segment) => segment.value > 0)
              .map((segment) => {
                const from = base;
                base += segment.value;
                return { tone: segment.tone, from, to: base };
              });
          };
          return (
            <g class="chart-bar">
              <title>{bar().title}</title>
              {/* The whole band answers the pointer, so short bars show their title too. */}
              <rect class="chart-hit" x={left()} y={PAD.top} width={band()} height={PLOT_H} />
              <For each={parts()}>
                {(part) => <rect class={`tone ${part.tone}`} x={x()} width={barWidth()} y={y(part.to)} height={Math.max(0, y(part.from) - y(part.to))} />}
              </For>
              <Show when={index % labelEvery() === 0}>
                <text class="chart-label" x={left() + band() / 2} y={HEIGHT - PAD.bottom + 18} text-anchor="middle">
                  {bar().label}
                </text>
                <Show when={bar().sublabel}>
                  <text class="chart-sublabel" x={left() + band() / 2} y={HEIGHT - PAD.bottom + 34} text-anchor="middle">
                    {bar().sublabel}
                  </text>
                </Show>
              </Show>
            </g>
          );
        }}
      </Index>
      <line class="chart-axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top + PLOT_H} y2={PAD.top + PLOT_H} />
    </svg>
  );
}
