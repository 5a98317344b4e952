import { A } from "@solidjs/router";

/** A client's name linking to its page, as table rows show it. */
export function ClientLink(props: { id: string; name: string }) {
  return (
    <A href={`/clients/${encodeURIComponent(props.id)}`} class="cell-title">
      {props.name}
    </A>
  );
}
