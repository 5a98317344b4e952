import type { JSX } from "solid-js";

export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

export function Badge(props: { tone?: Tone; children: JSX.Element }) {
  return <span class={`badge badge-${props.tone ?? "neutral"}`}>{props.children}</span>;
}
