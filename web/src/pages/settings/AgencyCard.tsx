import { api, isApiError } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { t } from "@baton/ui/i18n";
import { toast } from "@baton/ui/Toast";
import type { Agency } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { Show, type JSX } from "solid-js";
import { getAgency } from "./data";

/** A Settings card over the agency's settings: a title, a line of intro, and the form for the loaded agency. */
export function AgencyCard(props: { id: string; title: string; intro: string; children: (agency: Agency) => JSX.Element }) {
  const agency = createAsync(() => getAgency());
  return (
    <section class="card" aria-labelledby={`${props.id}-title`} data-testid={props.id}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <p class="muted small">{props.intro}</p>
      <Boundary onRetry={() => revalidate(getAgency.key)}>
        <Show when={agency()} keyed>
          {(loaded) => props.children(loaded)}
        </Show>
      </Boundary>
    </section>
  );
}

/** Saves a change to the agency's settings and says so; a stale version is told in a toast, and the card reads again. */
export async function saveAgency(change: Omit<Parameters<typeof api.agency.update>[0], "version">, agency: Agency, saved: string): Promise<void> {
  try {
    await api.agency.update({ ...change, version: agency.version } as Parameters<typeof api.agency.update>[0]);
    toast(saved);
  } catch (e) {
    if (!isApiError(e) || e.status !== 409) throw e;
    toast(t("common.conflict"), "error");
  }
  await revalidate(getAgency.key);
}
