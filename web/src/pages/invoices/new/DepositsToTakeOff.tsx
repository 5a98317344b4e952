import { isApiError } from "@baton/ui/api";
import type { Submission } from "@baton/ui/Form";
import { formatDate, t } from "@baton/ui/i18n";
import type { Client } from "@baton/ui/types";
import { createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import { getOpenDeposits } from "../data";
import { money } from "../format";

/** The client's issued deposits not yet taken off, to take off this invoice before tax. */
export function DepositsToTakeOff(props: { client: Client; selected: string[]; toggle: (id: string, on: boolean) => void; submission: Submission }) {
  const deposits = createAsync(() => getOpenDeposits(props.client.id));
  // "Take off fewer deposits" is about the list; "already taken off" about one of them.
  const listError = () => {
    const e = props.submission.error();
    return isApiError(e) ? e.fields["deductDeposits"] : undefined;
  };
  return (
    <Show when={deposits()}>
      {(list) => (
        <Show when={list().items.length > 0} fallback={<p class="muted">{t("invoiceNew.noOpenDeposits")}</p>}>
          <fieldset class="check-group" name="deductDeposits" data-testid="open-deposits">
            <legend class="muted">{t("invoiceNew.deductIntro")}</legend>
            <Show when={listError()}>{(message) => <p class="field-error">{message()}</p>}</Show>
            <ul class="checklist-items">
              <For each={list().items}>
                {(deposit) => {
                  const at = () => props.selected.indexOf(deposit.id);
                  const error = () => (at() >= 0 ? props.submission.fieldError(`deductDeposits.${at()}`) : undefined);
                  return (
                    <li class="checklist-item" data-testid="open-deposit">
                      <label class="check">
                        <input type="checkbox" value={deposit.id} checked={at() >= 0} aria-invalid={error() ? "true" : undefined} onChange={(e) => props.toggle(deposit.id, e.currentTarget.checked)} />
                        <span>
                          {t("invoiceNew.deductLabel", {
                            number: deposit.number ?? t("invoices.draftNumber"),
                            amount: money(deposit.subtotal, deposit.currency),
                            date: deposit.issuedAt ? formatDate(deposit.issuedAt) : "—",
                          })}
                        </span>
                      </label>
                      <Show when={error()}>{(message) => <p class="field-error">{message()}</p>}</Show>
                    </li>
                  );
                }}
              </For>
            </ul>
          </fieldset>
        </Show>
      )}
    </Show>
  );
}
