import { createMemo, For } from "solid-js";

const WIDTH = 120;
const HEIGHT = 32;
const PAD = 3;

/**
 * A tiny line over months on a fixed scale; months without answers break the line. An image
 * to assistive technology, named by `label` (which carries the numbers the line only hints at).
 */
export function Sparkline(props: { values: (number | null)[]; min: number; max: number; label: string; testid?: string }) {
  const x = (index: number) => PAD + ((WIDTH - 2 * PAD) * index) / Math.max(1, props.values.length - 1);
  const y = (value: number) => HEIGHT - PAD - ((value - props.min) / (props.max - props.min)) * (HEIGHT - 2 * PAD);
  const runs = createMemo(() => {
    const out: string[][] = [];
    let run: string[] = [];
    props.values.forEach((value, index) => {
      if (value === null) {
        if (run.length) out.push(run);
        run = [];
      } else run.push(`${x(index).toFixed(1)},${y(value).toFixed(1)}`);
    });
    if (run.length) out.push(run);
    return out;
  });
  return (
    <svg class="sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={props.label} data-testid={props.testid}>
      <For each={runs()}>
        {(run) =>
          run.length === 1 ? (
            <circle cx={run[0]!.split(",")[0]} cy={run[0]!.split(",")[1]} r="2" />
          ) : (
            <polyline points={run.join(" ")} fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" stroke-linecap="round" />
          )
        }
      </For>
    </svg>
  );
}
