import { api } from "@baton/ui/api";
import { t } from "@baton/ui/i18n";
import type { Client } from "@baton/ui/types";
import { createAsync, query } from "@solidjs/router";
import { Show } from "solid-js";

const getCard = query((clientId: string) => api.invoices.cardOf(clientId), "client.card");

/** The client's saved card and whether autopay is on (the client chooses both in the portal); nothing without Stripe. */
export function ClientCard(props: { client: Client }) {
  const card = createAsync(() => getCard(props.client.id));
  return (
    <Show when={card()?.enabled}>
      <section class="card" aria-labelledby="client-card-title" data-testid="client-card">
        <h2 id="client-card-title">{t("clients.card.title")}</h2>
        <Show when={card()?.card} fallback={<p class="muted">{t("clients.card.none")}</p>}>
          {(saved) => (
            <>
              <p>{t("clients.card.summary", { brand: saved().brand.charAt(0).toUpperCase() + saved().brand.slice(1), last4: saved().last4, month: String(saved().expMonth).padStart(2, "0"), year: String(saved().expYear) })}</p>
              <p class="small" data-testid="client-autopay">{t(card()?.autopay ? "clients.card.autopayOn" : "clients.card.autopayOff")}</p>
            </>
          )}
        </Show>
      </section>
    </Show>
  );
}
