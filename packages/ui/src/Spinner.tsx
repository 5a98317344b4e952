import { Show } from "solid-js";
import { t } from "./i18n";

export function Spinner(props: { size?: "sm" | "md" }) {
  return <span class="spinner" classList={{ "spinner-sm": props.size === "sm" }} aria-hidden="true" />;
}

/** A polite status line for anything still loading. */
export function Loading(props: { label?: string; inline?: boolean }) {
  return (
    <div class="loading" classList={{ "loading-inline": props.inline }} role="status" aria-live="polite">
      <Spinner />
      <span>
        <Show when={props.label} fallback={t("common.loading")}>
          {props.label}
        </Show>
      </span>
    </div>
  );
}
