import { For } from "solid-js";

export type LegendItem = { label: string; tone: string };

/** What each colour of a chart stands for. */
export function Legend(props: { items: LegendItem[] }) {
  return (
    <ul class="chart-legend">
      <For each={props.items}>
        {(item) => (
          <li>
            <span class={`chart-swatch ${item.tone}`} aria-hidden="true" />
            {item.label}
          </li>
        )}
      </For>
    </ul>
  );
}
