import { api } from "@baton/ui/api";
import { saveThenReread } from "@baton/ui/Form";
import { versionToSend } from "@baton/ui/form-base";
import { FormFrom } from "@baton/ui/FormFrom";
import { Boundary } from "@baton/ui/Boundary";
import { toast } from "@baton/ui/Toast";
import type { Agency } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { createContext, Show, useContext, type JSX } from "solid-js";
import { getAgency } from "./data";

type AgencyChange = Omit<Parameters<typeof api.agency.update>[0], "version">;

/** Saves the card's change to the agency's settings, says so in a toast, and starts the card's form again from what is stored. */
export type SaveAgency = (change: AgencyChange, saved: string, alsoReads?: string[]) => Promise<void>;

const CardSave = createContext<SaveAgency>();

/** The save of the AgencyCard around a form (for the forms its `children` make). */
export function useSaveAgency(): SaveAgency {
  const save = useContext(CardSave);
  if (!save) throw new Error("useSaveAgency: not inside an AgencyCard");
  return save;
}

/**
 * A Settings card over the agency's settings: a title, a line of intro (which may read the agency), and the form
 * for the loaded agency. `alsoReads` names the other queries the card shows, read again on retry.
 *
 * The form is made from the agency once, and made anew only after its own save (or conflict): another card on
 * the page saving, which reads the agency again, leaves what is typed here unsaved but in place.
 */
export function AgencyCard(props: {
  id: string;
  title: string;
  intro: string | ((agency: Agency) => string);
  alsoReads?: string[];
  children: (agency: Agency) => JSX.Element;
}) {
  return (
    <section class="card" aria-labelledby={`${props.id}-title`} data-testid={props.id}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <Show when={typeof props.intro === "string"}>
        <p class="muted small">{props.intro as string}</p>
      </Show>
      <Boundary onRetry={() => revalidate([getAgency.key, ...(props.alsoReads ?? [])])}>
        <CardBody intro={props.intro}>{props.children}</CardBody>
      </Boundary>
    </section>
  );
}

function CardBody(props: { intro: string | ((agency: Agency) => string); children: (agency: Agency) => JSX.Element }) {
  const latest = createAsync(() => getAgency());

  /** The save of the form made from `from`: checked against the newer agency if another card's save moved it. */
  const saveFrom =
    (from: Agency, remakeOnNextRead: () => void): SaveAgency =>
    (change, saved, alsoReads = []) =>
      saveThenReread(
        () => api.agency.update({ ...change, version: versionToSend(Object.keys(change) as Array<keyof Agency & string>, from, latest() ?? from) } as Parameters<typeof api.agency.update>[0]),
        () => {
          remakeOnNextRead();
          return revalidate([getAgency.key, ...alsoReads]);
        },
        { saved: () => toast(saved) },
      );

  return (
    <>
      <Show when={typeof props.intro === "function" && latest()}>
        {(loaded) => <p class="muted small">{(props.intro as (agency: Agency) => string)(loaded())}</p>}
      </Show>
      {/* The form is made from the first agency loaded, then from the one read again after its own save. */}
      <FormFrom latest={latest} identity={(agency) => agency.id}>
        {(from, remake) => <CardSave.Provider value={saveFrom(from, remake)}>{props.children(from)}</CardSave.Provider>}
      </FormFrom>
    </>
  );
}

/** A number field's value sent as typed (a number if it is one): the API says what is wrong with anything else. */
export const asTyped = (value: string): number => (value.trim() === "" || Number.isNaN(Number(value)) ? (value as unknown as number) : Number(value));
