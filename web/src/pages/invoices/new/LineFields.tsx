import { Button } from "@baton/ui/Button";
import { Field } from "@baton/ui/Field";
import type { Submission } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { TextField } from "@baton/ui/TextField";
import type { ServicePackage } from "@baton/ui/types";
import { For, Show } from "solid-js";
import { priceIn } from "../../packages/data";
import { money } from "../format";
import type { LineValues } from "./form";

// One line of the new invoice: a package from the library (priced there) or a custom line.

type LineProps = { index: number; line: LineValues; currency: string; packages: ServicePackage[]; submission: Submission; set: (patch: Partial<LineValues>) => void; remove: () => void };

export function LineFields(props: LineProps) {
  const path = (field: string) => `lines.${props.index}.${field}`;
  const chosen = () => props.packages.find((pkg) => pkg.id === props.line.packageId);
  const price = () => {
    const pkg = chosen();
    return pkg && priceIn(pkg, props.currency);
  };
  return (
    <fieldset class="invoice-line-fields" data-testid="invoice-line" data-kind={props.line.kind}>
      <legend class="sr-only">{t("invoiceNew.lineLegend", { index: props.index + 1 })}</legend>
      <Select
        label={t("invoiceNew.lineKind")}
        name={path("kind")}
        options={[
          { value: "package", label: t("invoiceNew.kind.package") },
          { value: "custom", label: t("invoiceNew.kind.custom") },
        ]}
        value={props.line.kind}
        onValue={(kind) => props.set({ kind: kind as LineValues["kind"] })}
      />
      <Show
        when={props.line.kind === "package"}
        fallback={
          <TextField label={t("invoiceNew.description")} name={path("description")} required value={props.line.description} onValue={(description) => props.set({ description })} error={props.submission.fieldError(path("description"))} />
        }
      >
        <PackagePicker name={path("packageId")} value={props.line.packageId} currency={props.currency} packages={props.packages} onValue={(packageId) => props.set({ packageId })} error={props.submission.fieldError(path("packageId"))} />
      </Show>
      <TextField label={t("invoiceNew.quantity")} name={path("quantity")} type="number" min="1" step="1" inputmode="numeric" required class="field-qty" value={props.line.quantity} onValue={(quantity) => props.set({ quantity })} error={props.submission.fieldError(path("quantity"))} />
      <Show
        when={props.line.kind === "package"}
        fallback={
          <TextField
            label={t("invoiceNew.unitPrice", { currency: props.currency })}
            name={path("unitAmount")}
            inputmode="decimal"
            required
            class="field-amount"
            value={props.line.unitPrice}
            onValue={(unitPrice) => props.set({ unitPrice })}
            error={props.submission.fieldError(path("unitAmount"))}
          />
        }
      >
        {/* The library's price, shown not edited: the API copies it onto the invoice. */}
        <TextField label={t("invoiceNew.packagePrice", { currency: props.currency })} class="field-amount" readOnly value={price() === undefined ? "—" : money(price()!, props.currency)} />
      </Show>
      <Button size="sm" variant="ghost" class="btn-danger-text" onClick={() => props.remove()} aria-label={t("invoiceNew.removeLine", { index: props.index + 1 })}>
        {t("common.remove")}
      </Button>
    </fieldset>
  );
}

/** Active packages; those without a price in the client's currency can be seen but not chosen. */
function PackagePicker(props: { name: string; value: string; currency: string; packages: ServicePackage[]; onValue: (id: string) => void; error: string | undefined }) {
  return (
    <Field label={t("invoiceNew.package")} required error={props.error}>
      {(control) => (
        <select
          id={control.id}
          name={props.name}
          required
          aria-invalid={control.invalid ? "true" : undefined}
          aria-describedby={control.describedBy}
          onChange={(e) => props.onValue(e.currentTarget.value)}
        >
          <option value="" selected={!props.value}>
            {t("invoiceNew.choosePackage")}
          </option>
          <For each={props.packages}>
            {(pkg) => {
              const priced = () => priceIn(pkg, props.currency) !== undefined;
              return (
                <option value={pkg.id} disabled={!priced()} selected={pkg.id === props.value}>
                  {priced() ? pkg.name : t("invoiceNew.packageNoPrice", { name: pkg.name, currency: props.currency })}
                </option>
              );
            }}
          </For>
        </select>
      )}
    </Field>
  );
}
