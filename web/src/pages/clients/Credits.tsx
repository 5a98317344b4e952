import { api } from "@baton/ui/api";
import { formatDate, t } from "@baton/ui/i18n";
import type { Client } from "@baton/ui/types";
import { A, createAsync, query } from "@solidjs/router";
import { For, Show } from "solid-js";
import { money } from "../invoices/format";

const getCredits = query((clientId: string) => api.invoices.creditsOf(clientId), "client.credits");

/** Money the client paid on void invoices, still to refund or apply: shown only when there is some. */
export function ClientCredits(props: { client: Client }) {
  const credits = createAsync(() => getCredits(props.client.id));
  return (
    <Show when={(credits()?.items.length ?? 0) > 0}>
      <section class="card" aria-labelledby="client-credits-title" data-testid="client-credits">
        <h2 id="client-credits-title">{t("credit.title")}</h2>
        <p class="muted small">{t("credit.clientBody")}</p>
        <ul class="people">
          <For each={credits()?.items}>
            {(credit) => (
              <li class="person">
                <div class="person-main">
                  <div class="cell-title">{money(credit.amount, credit.currency)}</div>
                  <div class="cell-sub">{formatDate(credit.receivedAt)}</div>
                </div>
                <div class="person-side">
                  <A href={`/invoices/${encodeURIComponent(credit.invoiceId)}`}>{t("credit.from", { number: credit.invoiceNumber ?? "" })}</A>
                </div>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
