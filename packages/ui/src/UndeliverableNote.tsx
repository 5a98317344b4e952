import { Show } from "solid-js";
import { formatDate, t } from "./i18n";

export type Undeliverable = { reason: "bounce" | "complaint"; at: string } | null;

/** Beside a person whose address SES gave up on: why Baton stopped emailing them, and since when. */
export function UndeliverableNote(props: { undeliverable: Undeliverable }) {
  return (
    <Show when={props.undeliverable}>
      {(state) => (
        <p class="undeliverable-note" data-testid="undeliverable-note">
          {t(state().reason === "bounce" ? "undeliverable.bounce" : "undeliverable.complaint", { date: formatDate(state().at) })}
        </p>
      )}
    </Show>
  );
}
