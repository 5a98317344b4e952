import { api, isApiError } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { t } from "@baton/ui/i18n";
import { toast } from "@baton/ui/Toast";
import type { Agency } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { Show, type JSX } from "solid-js";
import { getAgency } from "./data";

/**
 * A Settings card over the agency's settings: a title, a line of intro (which may read the agency), and the form
 * for the loaded agency. `alsoReads` names the other queries the card shows, read again on retry.
 */
export function AgencyCard(props: {
  id: string;
  title: string;
  intro: string | ((agency: Agency) => string);
  alsoReads?: string[];
  children: (agency: Agency) => JSX.Element;
}) {
  const agency = createAsync(() => getAgency());
  const intro = (loaded: Agency) => (typeof props.intro === "function" ? props.intro(loaded) : props.intro);
  return (
    <section class="card" aria-labelledby={`${props.id}-title`} data-testid={props.id}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <Show when={typeof props.intro === "string"}>
        <p class="muted small">{props.intro as string}</p>
      </Show>
      <Boundary onRetry={() => revalidate([getAgency.key, ...(props.alsoReads ?? [])])}>
        <Show when={agency()} keyed>
          {(loaded) => (
            <>
              <Show when={typeof props.intro === "function"}>
                <p class="muted small">{intro(loaded)}</p>
              </Show>
              {props.children(loaded)}
            </>
          )}
        </Show>
      </Boundary>
    </section>
  );
}

/**
 * Saves a change to the agency's settings and says so; a stale version is told in a toast, and the card reads
 * again, with `alsoReads` (other queries that show what was changed). The toast comes once the card shows what
 * was read again (the card's form is made anew from it), so what is typed after it is never replaced.
 */
export async function saveAgency(change: Omit<Parameters<typeof api.agency.update>[0], "version">, agency: Agency, saved: string, alsoReads: string[] = []): Promise<void> {
  let outcome: () => void;
  try {
    await api.agency.update({ ...change, version: agency.version } as Parameters<typeof api.agency.update>[0]);
    outcome = () => toast(saved);
  } catch (e) {
    if (!isApiError(e) || e.status !== 409) throw e;
    outcome = () => toast(t("common.conflict"), "error");
  }
  await revalidate([getAgency.key, ...alsoReads]);
  outcome();
}

/** A number field's value sent as typed (a number if it is one): the API says what is wrong with anything else. */
export const asTyped = (value: string): number => (value.trim() === "" || Number.isNaN(Number(value)) ? (value as unknown as number) : Number(value));
