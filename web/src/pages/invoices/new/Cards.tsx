import { DateField } from "@baton/ui/DatePicker";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { FormActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { TextArea, TextField } from "@baton/ui/TextField";
import type { Client } from "@baton/ui/types";
import { A, revalidate } from "@solidjs/router";
import { Index, Show } from "solid-js";
import { priceIn } from "../../packages/data";
import { getOpenDeposits, invoiceListKeys } from "../data";
import { DepositsToTakeOff } from "./DepositsToTakeOff";
import { billsTime, emptyLine, type Draft, type LineValues } from "./form";
import { InvoicePreview } from "./InvoicePreview";
import { LineFields } from "./LineFields";
import { UnbilledTime } from "./UnbilledTime";

// The new-invoice form's cards, top to bottom, each given the one draft (form.ts).

/** Who is billed and whether for time, over which period, with that time listed. */
export function ClientCard(props: { draft: Draft; clients: Client[] }) {
  const d = props.draft;
  return (
    <section class="card stack">
      <Select
        label={t("invoiceNew.client")}
        name="clientId"
        required
        options={[{ value: "", label: t("invoiceNew.chooseClient") }, ...props.clients.map((c) => ({ value: c.id, label: c.name }))]}
        value={d.values.clientId}
        onValue={(clientId) => d.set({ clientId })}
        error={d.submission.fieldError("clientId")}
      />
      <label class="check">
        <input
          type="checkbox"
          name="includeTime"
          checked={billsTime(d.values)}
          disabled={d.values.deposit}
          aria-describedby={d.values.deposit ? "include-time-deposit" : undefined}
          onChange={(e) => d.set({ includeTime: e.currentTarget.checked })}
        />
        <span>{t("invoiceNew.includeTime")}</span>
      </label>
      <Show when={d.values.deposit}>
        <p id="include-time-deposit" class="muted small">
          {t("invoiceNew.depositNoTime")}
        </p>
      </Show>
      <Show when={billsTime(d.values)}>
        <div class="field-row">
          <DateField label={t("invoiceNew.from")} name="from" value={d.values.from} onValue={(from) => d.set({ from })} error={d.submission.fieldError("from")} hint={t("invoiceNew.periodHint")} />
          <DateField label={t("invoiceNew.to")} name="to" value={d.values.to} onValue={(to) => d.set({ to })} error={d.submission.fieldError("to")} />
        </div>
        <Show when={d.client}>{(c) => <UnbilledTime client={c()} from={d.values.from} to={d.values.to} />}</Show>
      </Show>
    </section>
  );
}

/** The invoice's own lines: packages from the library and custom lines. */
export function LinesCard(props: { draft: Draft }) {
  const d = props.draft;
  const unpriced = () => d.packages.filter((pkg) => priceIn(pkg, d.currency) === undefined);
  const addLine = (kind: LineValues["kind"]) => {
    d.set("lines", (lines) => [...lines, emptyLine(kind)]);
    queueMicrotask(() => document.querySelector<HTMLElement>(`[data-testid="invoice-line"]:last-of-type ${kind === "package" ? "select[name$=packageId]" : "input[name$=description]"}`)?.focus());
  };
  return (
    <section class="card stack" aria-labelledby="invoice-lines-title">
      <div>
        <h2 id="invoice-lines-title">{t("invoiceNew.linesTitle")}</h2>
        <p class="muted small">
          {t("invoiceNew.linesIntro")} <A href="/packages">{t("invoiceNew.managePackages")}</A>
        </p>
        <Show when={!d.packages.length}>
          <p class="muted small">{t("invoiceNew.noPackages")}</p>
        </Show>
        <Show when={d.client && unpriced().length > 0}>
          <p class="muted small" data-testid="unpriced-packages">
            {t("invoiceNew.packagesWithoutPrice", { currency: d.currency })}
          </p>
        </Show>
      </div>
      <Index each={d.values.lines}>
        {(line, i) => (
          <LineFields
            index={i}
            line={line()}
            currency={d.currency}
            packages={d.packages}
            submission={d.submission}
            set={(patch) => d.set("lines", i, patch)}
            remove={() => d.set("lines", (lines) => lines.filter((_, j) => j !== i))}
          />
        )}
      </Index>
      <div class="form-actions form-actions-start">
        <Button size="sm" onClick={() => addLine("package")}>
          {t("invoiceNew.addPackage")}
        </Button>
        <Button size="sm" onClick={() => addLine("custom")}>
          {t("invoiceNew.addLine")}
        </Button>
      </div>
    </section>
  );
}

/** The client's open deposits, to take off this invoice. */
export function DeductCard(props: { draft: Draft; client: Client }) {
  const d = props.draft;
  const toggle = (id: string, on: boolean) => d.set("deductDeposits", (ids) => (on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)));
  return (
    <section class="card stack" aria-labelledby="invoice-deduct-title">
      <h2 id="invoice-deduct-title">{t("invoiceNew.deductTitle")}</h2>
      <Boundary onRetry={() => revalidate(getOpenDeposits.key)}>
        <DepositsToTakeOff client={props.client} selected={d.values.deductDeposits} toggle={toggle} submission={d.submission} />
      </Boundary>
    </section>
  );
}

export function PreviewCard(props: { draft: Draft; client: Client }) {
  return (
    <section class="card" aria-labelledby="invoice-preview-title" data-testid="invoice-preview">
      <h2 id="invoice-preview-title">{t("invoiceNew.previewTitle")}</h2>
      <Boundary onRetry={() => revalidate(invoiceListKeys)}>
        <InvoicePreview client={props.client} values={props.draft.values} packages={props.draft.packages} />
      </Boundary>
    </section>
  );
}

/** The purchase-order number, notes, and the form's buttons. */
export function NotesCard(props: { draft: Draft }) {
  const d = props.draft;
  return (
    <section class="card stack">
      <TextField
        label={t("party.purchaseOrder")}
        name="purchaseOrder"
        maxlength={60}
        hint={t("invoiceNew.purchaseOrderHint")}
        value={d.values.purchaseOrder}
        onValue={(purchaseOrder) => d.set({ purchaseOrder })}
        error={d.submission.fieldError("purchaseOrder")}
      />
      <TextArea label={t("invoiceNew.notes")} name="notes" value={d.values.notes} onValue={(notes) => d.set({ notes })} error={d.submission.fieldError("notes")} />
      <FormActions>
        <A href="/invoices" class="btn btn-secondary">
          {t("common.cancel")}
        </A>
        <Button type="submit" variant="primary" pending={d.submission.pending()}>
          {t("invoiceNew.create")}
        </Button>
      </FormActions>
    </section>
  );
}
