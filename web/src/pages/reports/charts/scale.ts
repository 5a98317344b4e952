/**
 * A value axis from 0 to a round top with about `count` steps of 1, 2, 2.5 or 5 × 10ⁿ, so the
 * gridlines read as round amounts. Values are integers (minor units); steps never go below 1.
 */
export function niceScale(max: number, count = 4): { max: number; ticks: number[] } {
  if (!(max > 0)) return { max: 1, ticks: [0] };
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw) ?? raw);
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let index = 0; index * step <= top + step / 2; index++) ticks.push(Math.round(index * step));
  return { max: top, ticks };
}

/** A label cut to `length` characters with an ellipsis: SVG text doesn't wrap. */
export const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text);
