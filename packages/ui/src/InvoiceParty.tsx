import { Show } from "solid-js";
import { t } from "./i18n";

// One side of an invoice as printed: the (legal) name, the address on its lines, the tax id.
export function InvoiceParty(props: { party: { name: string; address: string | null; taxId: string | null }; name?: string }) {
  return (
    <div class="invoice-party">
      <div>{props.name ?? props.party.name}</div>
      <Show when={props.party.address}>{(address) => <div class="muted invoice-party-address">{address()}</div>}</Show>
      <Show when={props.party.taxId}>{(taxId) => <div class="muted">{t("party.taxId", { id: taxId() })}</div>}</Show>
    </div>
  );
}
