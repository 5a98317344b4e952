import { createMemo, For, Index, Show } from "solid-js";

/** One month: its axis label, the text of its `<title>`, and its value (null: no answers that month). */
export type Point = { key: string; label: string; title: string; value: number | null };

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 14, right: 16, bottom: 36, left: 48 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/**
 * A line over months on a fixed scale (NPS −100…100, CSAT 1…5). Months without answers break the
 * line rather than pretend a value. An image to assistive technology, named by `summary`; each
 * point has a `<title>` for pointer users, and the page shows the same numbers in a table.
 */
export function LineChart(props: { points: Point[]; min: number; max: number; ticks: number[]; summary: string; testid?: string }) {
  const step = () => PLOT_W / Math.max(1, props.points.length);
  const x = (index: number) => PAD.left + step() * index + step() / 2;
  const y = (value: number) => PAD.top + PLOT_H - ((value - props.min) / (props.max - props.min)) * PLOT_H;
  // Runs of consecutive months with answers, each drawn as one polyline.
  const runs = createMemo(() => {
    const out: string[][] = [];
    let run: string[] = [];
    props.points.forEach((point, index) => {
      if (point.value === null) {
        if (run.length) out.push(run);
        run = [];
        return;
      }
      run.push(`${x(index)},${y(point.value)}`);
    });
    if (run.length) out.push(run);
    return out;
  });
  const labelEvery = () => Math.ceil(props.points.length / 12);
  return (
    <svg class="sat-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.summary} data-testid={props.testid}>
      <g class="sat-chart-grid">
        <For each={props.ticks}>
          {(tick) => (
            <g>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} class={tick === 0 && props.min < 0 ? "sat-chart-zero" : undefined} />
              <text x={PAD.left - 8} y={y(tick)} dy="0.32em" text-anchor="end">
                {tick}
              </text>
            </g>
          )}
        </For>
      </g>
      <For each={runs()}>{(run) => <polyline class="sat-chart-line" points={run.join(" ")} />}</For>
      <Index each={props.points}>
        {(point, index) => (
          <g>
            <title>{point().title}</title>
            <rect class="sat-chart-hit" x={x(index) - step() / 2} y={PAD.top} width={step()} height={PLOT_H} />
            <Show when={point().value !== null}>
              <circle class="sat-chart-dot" cx={x(index)} cy={y(point().value!)} r="4" />
            </Show>
            <Show when={index % labelEvery() === 0}>
              <text class="sat-chart-label" x={x(index)} y={HEIGHT - PAD.bottom + 18} text-anchor="middle">
                {point().label}
              </text>
            </Show>
          </g>
        )}
      </Index>
    </svg>
  );
}
