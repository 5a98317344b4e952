import type { Submission } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { TextField } from "@baton/ui/TextField";
import type { Client, ServicePackage } from "@baton/ui/types";
import { Show } from "solid-js";
import { money, percent } from "../format";
import { depositOf, termsOf, type Draft, type Values } from "./form";

// The deposit card: a deposit invoice bills a share of its lines, or of an amount typed here.

/** The card: a tick to make this a deposit invoice, then its share and description. */
export function DepositCard(props: { draft: Draft }) {
  const draft = props.draft;
  const toggle = (checked: boolean) =>
    draft.set({ deposit: checked, ...(checked && !draft.values.depositPercent.trim() ? { depositPercent: termsOf(draft.client) } : {}) });
  return (
    <section class="card stack" aria-labelledby="invoice-deposit-title">
      <h2 id="invoice-deposit-title">{t("invoiceNew.depositTitle")}</h2>
      <label class="check">
        <input type="checkbox" name="deposit" checked={draft.values.deposit} onChange={(e) => toggle(e.currentTarget.checked)} />
        <span>{t("invoiceNew.addDeposit")}</span>
      </label>
      <Show when={draft.values.deposit}>
        <DepositFields values={draft.values} set={draft.set} client={draft.client} currency={draft.currency} packages={draft.packages} submission={draft.submission} />
      </Show>
    </section>
  );
}

function DepositFields(props: { values: Values; set: (patch: Partial<Values>) => void; client: Client | undefined; currency: string; packages: ServicePackage[]; submission: Submission }) {
  const deposit = () => depositOf(props.values, props.packages, props.currency);
  const terms = () => {
    const c = props.client;
    if (!c) return undefined;
    return c.billing.depositRate ? t("invoiceNew.depositTerms", { name: c.name, percent: percent(c.billing.depositRate) }) : t("invoiceNew.noDepositTerms", { name: c.name });
  };
  return (
    <>
      <div class="field-row">
        <TextField
          label={t("invoiceNew.depositPercent")}
          name="deposit.percent"
          inputmode="decimal"
          required
          hint={terms()}
          value={props.values.depositPercent}
          onValue={(depositPercent) => props.set({ depositPercent })}
          error={props.submission.fieldError("deposit.percent")}
        />
        <Show when={!deposit().ofLines}>
          <TextField
            label={t("invoiceNew.depositOf", { currency: props.currency })}
            name="deposit.of"
            inputmode="decimal"
            required
            hint={t("invoiceNew.depositOfHint")}
            value={props.values.depositOf}
            onValue={(depositOf) => props.set({ depositOf })}
            error={props.submission.fieldError("deposit.of")}
          />
        </Show>
      </div>
      <Show when={deposit().amount !== undefined}>
        <p class="invoice-time-total" data-testid="deposit-preview">
          {t(deposit().ofLines ? "invoiceNew.depositOfLines" : "invoiceNew.depositOfAmount", {
            percent: percent(deposit().basisPoints ?? 0),
            base: money(deposit().base ?? 0, props.currency),
            amount: money(deposit().amount ?? 0, props.currency),
          })}
        </p>
      </Show>
      <TextField
        label={t("invoiceNew.depositDescription")}
        name="deposit.description"
        hint={t("invoiceNew.depositDescriptionHint")}
        maxlength={300}
        value={props.values.depositDescription}
        onValue={(depositDescription) => props.set({ depositDescription })}
        error={props.submission.fieldError("deposit.description")}
      />
    </>
  );
}
