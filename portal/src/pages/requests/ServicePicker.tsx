import { Button } from "@baton/ui/Button";
import { t } from "@baton/ui/i18n";
import { formatMoney } from "@baton/ui/money";
import { TextField } from "@baton/ui/TextField";
import { priceText } from "@baton/ui/service-price";
import type { CatalogService } from "@baton/ui/types";
import { createMemo, createSignal, For, Show } from "solid-js";

/** The client's catalog: a search over name, description and category, the services grouped by category, and "something else". */
export function ServicePicker(props: { services: CatalogService[]; onPick: (service: CatalogService) => void; onOther: () => void }) {
  const [query, setQuery] = createSignal("");
  const groups = createMemo(() => {
    const words = query().toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const found = props.services.filter((service) => {
      const text = [service.name, service.description ?? "", service.category ?? ""].join(" ").toLocaleLowerCase();
      return words.every((word) => text.includes(word));
    });
    const byCategory = new Map<string, CatalogService[]>();
    for (const service of found) byCategory.set(service.category ?? "", [...(byCategory.get(service.category ?? "") ?? []), service]);
    // Named categories first, in the API's order; the uncategorized under "Other services".
    return [...byCategory].sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : 0));
  });
  return (
    <div class="service-picker" data-testid="service-picker">
      <TextField label={t("portal.catalog.search")} name="q" type="search" autocomplete="off" value={query()} onValue={setQuery} />
      <Show when={groups().length === 0}>
        <p class="muted" role="status" data-testid="no-service-match">
          {t("portal.catalog.noMatch", { q: query().trim() })}
        </p>
      </Show>
      <For each={groups()}>
        {([category, services]) => (
          <section class="service-group" aria-label={category || t("portal.catalog.general")}>
            <h2 class="section-title">{category || t("portal.catalog.general")}</h2>
            <ul class="service-list">
              <For each={services}>
                {(service) => (
                  <li class="card service-card" data-testid="service-card" data-name={service.name}>
                    <h3 class="service-name">{service.name}</h3>
                    <Show when={service.description}>
                      <p class="muted prewrap">{service.description}</p>
                    </Show>
                    <p class="service-facts">
                      <span data-testid="service-price">{priceText(service)}</span>
                      <Show when={service.turnaroundDays}>
                        {(days) => (
                          <>
                            {" · "}
                            <span data-testid="service-turnaround">{t("portal.catalog.turnaround", { count: days() })}</span>
                          </>
                        )}
                      </Show>
                    </p>
                    <Button variant="primary" size="sm" onClick={() => props.onPick(service)}>
                      {t("portal.catalog.choose", { name: service.name })}
                    </Button>
                  </li>
                )}
              </For>
            </ul>
          </section>
        )}
      </For>
      <section class="card service-card" data-testid="service-other">
        <h2 class="service-name">{t("portal.catalog.other")}</h2>
        <p class="muted">{t("portal.catalog.otherBody")}</p>
        <Button size="sm" onClick={() => props.onOther()}>
          {t("portal.catalog.other")}
        </Button>
      </section>
    </div>
  );
}
