import { api, ApiError, isApiError } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { Field } from "@baton/ui/Field";
import { createSubmission, Form, FormActions, type Submission } from "@baton/ui/Form";
import { formatDate, t } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { TextArea, TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { Client, InvoiceInput, ServicePackage } from "@baton/ui/types";
import { A, createAsync, revalidate, useNavigate, useSearchParams } from "@solidjs/router";
import { createEffect, For, Index, on, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { Money } from "@baton/ui/money";
import { getAllClients } from "../clients/data";
import { getPackages, packageKeys, priceIn } from "../packages/data";
import { getInvoice, getOpenDeposits, getUnbilled, invoiceListKeys, parseClientId } from "./data";
import { hoursMinutes, invalidAmount, money, parsePercent, percent, percentText } from "./format";
import { billedMinutes, share, sum, timeAmount, totalsOf, type PreviewLine } from "./preview";
import { describeIncrement } from "../../components/IncrementFields";

type LineValues = { kind: "package" | "custom"; packageId: string; description: string; quantity: string; unitPrice: string };
type Values = {
  clientId: string;
  from: string;
  to: string;
  includeTime: boolean;
  lines: LineValues[];
  deposit: boolean;
  depositPercent: string;
  depositOf: string;
  depositDescription: string;
  /** Deposit invoices to take off, in the order ticked (the API's `deductDeposits.N` errors follow it). */
  deductDeposits: string[];
  notes: string;
  /** The client's purchase-order number, printed on the invoice. */
  purchaseOrder: string;
};

/** A deposit invoice bills only its deposit (the core ignores time on it too). */
const billsTime = (values: Pick<Values, "includeTime" | "deposit">) => values.includeTime && !values.deposit;

/** Field errors found before asking the API, shown the way the API's are. */
const invalid = (fields: Record<string, string>) => new ApiError(400, "validation_failed", "", fields);

const quantityOf = (line: LineValues) => {
  const quantity = Number(line.quantity);
  return Number.isInteger(quantity) && quantity >= 1 ? quantity : undefined;
};

/** The typed values as the API's input; amounts typed in major units become minor units of `currency`. */
function toInput(values: Values, currency: string): InvoiceInput {
  const fields: Record<string, string> = {};
  const lines = values.lines.map((line, i) => {
    const quantity = quantityOf(line);
    if (quantity === undefined) fields[`lines.${i}.quantity`] = t("invoiceNew.invalidQuantity");
    if (line.kind === "package") {
      // The API prices a package line from the library, in the client's currency.
      if (!line.packageId) fields[`lines.${i}.packageId`] = t("invoiceNew.choosePackage");
      return { kind: "package" as const, packageId: line.packageId, quantity: quantity ?? 0 };
    }
    const unitAmount = Money.parseMajor(line.unitPrice, currency);
    if (unitAmount === undefined) fields[`lines.${i}.unitAmount`] = invalidAmount(currency);
    return { kind: "custom" as const, description: line.description.trim(), quantity: quantity ?? 0, unitAmount: unitAmount ?? 0 };
  });
  let deposit: InvoiceInput["deposit"];
  if (values.deposit) {
    const basisPoints = parsePercent(values.depositPercent);
    if (basisPoints === undefined) fields["deposit.percent"] = t("invoiceNew.invalidPercent");
    // With lines, the deposit is a share of them (the API works it out); without, of an amount typed here.
    const of = lines.length ? undefined : Money.parseMajor(values.depositOf, currency);
    if (!lines.length && of === undefined) fields["deposit.of"] = invalidAmount(currency);
    const description = values.depositDescription.trim();
    deposit = { percent: basisPoints ?? 0, ...(of !== undefined ? { of } : {}), ...(description ? { description } : {}) };
  }
  if (Object.keys(fields).length) throw invalid(fields);
  const notes = values.notes.trim();
  const purchaseOrder = values.purchaseOrder.trim();
  return {
    clientId: values.clientId,
    includeTime: billsTime(values),
    ...(billsTime(values) && values.from ? { from: values.from } : {}),
    ...(billsTime(values) && values.to ? { to: values.to } : {}),
    lines,
    ...(deposit ? { deposit } : {}),
    ...(values.deductDeposits.length ? { deductDeposits: values.deductDeposits } : {}),
    ...(notes ? { notes } : {}),
    ...(purchaseOrder ? { purchaseOrder } : {}),
  };
}

const emptyLine = (kind: LineValues["kind"]): LineValues => ({ kind, packageId: "", description: "", quantity: "1", unitPrice: "" });
/** A client's deposit terms as typed text ("50"), or "" when they have none. */
const termsOf = (client: Client | undefined) => (client?.billing.depositRate ? percentText(client.billing.depositRate) : "");

export default function NewInvoice() {
  const [params] = useSearchParams<{ client?: string }>();
  const navigate = useNavigate();
  const clients = createAsync(() => getAllClients());
  const packages = createAsync(() => getPackages("active"));
  const [values, setValues] = createStore<Values>({
    clientId: parseClientId(params.client),
    from: "",
    to: "",
    includeTime: true,
    lines: [],
    deposit: false,
    depositPercent: "",
    depositOf: "",
    depositDescription: "",
    deductDeposits: [],
    notes: "",
    purchaseOrder: "",
  });
  const client = () => clients()?.find((c) => c.id === values.clientId);
  const currency = () => client()?.currency ?? "USD";
  const submission = createSubmission();
  // Another client: their deposit terms, and none of the previous one's deposits.
  createEffect(on(() => client()?.id, () => setValues({ depositPercent: termsOf(client()), deductDeposits: [] })));

  const submit = () =>
    submission.run(async () => {
      const c = client();
      if (!c) throw invalid({ clientId: t("invoiceNew.chooseClient") });
      const created = await api.invoices.create(toInput(values, c.currency));
      toast(t("invoiceNew.created"));
      // The deposits taken off now name this invoice.
      void revalidate([...invoiceListKeys, ...values.deductDeposits.map((id) => getInvoice.keyFor(id))]);
      navigate(`/invoices/${encodeURIComponent(created.id)}`);
    });
  const toggleDeposit = (checked: boolean) => setValues({ deposit: checked, ...(checked && !values.depositPercent.trim() ? { depositPercent: termsOf(client()) } : {}) });
  const addLine = (kind: LineValues["kind"]) => {
    setValues("lines", (lines) => [...lines, emptyLine(kind)]);
    queueMicrotask(() => document.querySelector<HTMLElement>(`[data-testid="invoice-line"]:last-of-type ${kind === "package" ? "select[name$=packageId]" : "input[name$=description]"}`)?.focus());
  };
  const unpriced = () => (packages()?.items ?? []).filter((pkg) => priceIn(pkg, currency()) === undefined);

  const back = (
    <A href="/invoices" class="back-link">
      ← {t("invoices.back")}
    </A>
  );

  return (
    <section class="page">
      <Title>{t("invoiceNew.title")}</Title>
      <PageHeader back={back} title={t("invoiceNew.title")} />
      <Boundary onRetry={() => revalidate(["clients.all", packageKeys])}>
        <Show when={clients() && packages()}>
          <Form submission={submission} onSubmit={submit} aria-label={t("invoiceNew.title")} data-testid="invoice-form" class="invoice-form">
            <section class="card stack">
              <Select
                label={t("invoiceNew.client")}
                name="clientId"
                required
                options={[{ value: "", label: t("invoiceNew.chooseClient") }, ...(clients() ?? []).map((c) => ({ value: c.id, label: c.name }))]}
                value={values.clientId}
                onValue={(clientId) => setValues({ clientId })}
                error={submission.fieldError("clientId")}
              />
              <label class="check">
                <input
                  type="checkbox"
                  name="includeTime"
                  checked={billsTime(values)}
                  disabled={values.deposit}
                  aria-describedby={values.deposit ? "include-time-deposit" : undefined}
                  onChange={(e) => setValues({ includeTime: e.currentTarget.checked })}
                />
                <span>{t("invoiceNew.includeTime")}</span>
              </label>
              <Show when={values.deposit}>
                <p id="include-time-deposit" class="muted small">
                  {t("invoiceNew.depositNoTime")}
                </p>
              </Show>
              <Show when={billsTime(values)}>
                <div class="field-row">
                  <TextField type="date" label={t("invoiceNew.from")} name="from" value={values.from} onValue={(from) => setValues({ from })} error={submission.fieldError("from")} hint={t("invoiceNew.periodHint")} />
                  <TextField type="date" label={t("invoiceNew.to")} name="to" value={values.to} onValue={(to) => setValues({ to })} error={submission.fieldError("to")} />
                </div>
                <Show when={client()}>{(c) => <UnbilledTime client={c()} from={values.from} to={values.to} />}</Show>
              </Show>
            </section>

            <section class="card stack" aria-labelledby="invoice-lines-title">
              <div>
                <h2 id="invoice-lines-title">{t("invoiceNew.linesTitle")}</h2>
                <p class="muted small">
                  {t("invoiceNew.linesIntro")} <A href="/packages">{t("invoiceNew.managePackages")}</A>
                </p>
                <Show when={!packages()?.items.length}>
                  <p class="muted small">{t("invoiceNew.noPackages")}</p>
                </Show>
                <Show when={client() && unpriced().length > 0}>
                  <p class="muted small" data-testid="unpriced-packages">
                    {t("invoiceNew.packagesWithoutPrice", { currency: currency() })}
                  </p>
                </Show>
              </div>
              <Index each={values.lines}>
                {(line, i) => (
                  <LineFields
                    index={i}
                    line={line()}
                    currency={currency()}
                    packages={packages()?.items ?? []}
                    submission={submission}
                    set={(patch) => setValues("lines", i, patch)}
                    remove={() => setValues("lines", (lines) => lines.filter((_, j) => j !== i))}
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

            <section class="card stack" aria-labelledby="invoice-deposit-title">
              <h2 id="invoice-deposit-title">{t("invoiceNew.depositTitle")}</h2>
              <label class="check">
                <input type="checkbox" name="deposit" checked={values.deposit} onChange={(e) => toggleDeposit(e.currentTarget.checked)} />
                <span>{t("invoiceNew.addDeposit")}</span>
              </label>
              <Show when={values.deposit}>
                <DepositFields values={values} set={setValues} client={client()} currency={currency()} packages={packages()?.items ?? []} submission={submission} />
              </Show>
            </section>

            <Show when={client()}>
              {(c) => (
                <section class="card stack" aria-labelledby="invoice-deduct-title">
                  <h2 id="invoice-deduct-title">{t("invoiceNew.deductTitle")}</h2>
                  <Boundary onRetry={() => revalidate(getOpenDeposits.key)}>
                    <DepositsToTakeOff
                      client={c()}
                      selected={values.deductDeposits}
                      toggle={(id, on) => setValues("deductDeposits", (ids) => (on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)))}
                      submission={submission}
                    />
                  </Boundary>
                </section>
              )}
            </Show>

            <Show when={client()}>
              {(c) => (
                <section class="card" aria-labelledby="invoice-preview-title" data-testid="invoice-preview">
                  <h2 id="invoice-preview-title">{t("invoiceNew.previewTitle")}</h2>
                  <Boundary onRetry={() => revalidate(invoiceListKeys)}>
                    <InvoicePreview client={c()} values={values} packages={packages()?.items ?? []} />
                  </Boundary>
                </section>
              )}
            </Show>

            <section class="card stack">
              <TextField
                label={t("party.purchaseOrder")}
                name="purchaseOrder"
                maxlength={60}
                hint={t("invoiceNew.purchaseOrderHint")}
                value={values.purchaseOrder}
                onValue={(purchaseOrder) => setValues({ purchaseOrder })}
                error={submission.fieldError("purchaseOrder")}
              />
              <TextArea label={t("invoiceNew.notes")} name="notes" value={values.notes} onValue={(notes) => setValues({ notes })} error={submission.fieldError("notes")} />
              <FormActions>
                <A href="/invoices" class="btn btn-secondary">
                  {t("common.cancel")}
                </A>
                <Button type="submit" variant="primary" pending={submission.pending()}>
                  {t("invoiceNew.create")}
                </Button>
              </FormActions>
            </section>
          </Form>
        </Show>
      </Boundary>
    </section>
  );
}

type LineProps = { index: number; line: LineValues; currency: string; packages: ServicePackage[]; submission: Submission; set: (patch: Partial<LineValues>) => void; remove: () => void };

function LineFields(props: LineProps) {
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

/** The lines as typed, with amounts where they parse (package lines priced from the library). */
function typedLines(values: Values, packages: ServicePackage[], currency: string): PreviewLine[] {
  return values.lines.map((line) => {
    const quantity = quantityOf(line);
    if (line.kind === "package") {
      const pkg = packages.find((p) => p.id === line.packageId);
      const price = pkg && priceIn(pkg, currency);
      const name = pkg?.name ?? t("invoiceNew.choosePackage");
      return { kind: "package", description: quantity && quantity > 1 ? `${quantity} × ${name}` : name, amount: quantity && price !== undefined ? quantity * price : undefined };
    }
    const unit = Money.parseMajor(line.unitPrice, currency);
    const name = line.description.trim() || "—";
    return { kind: "custom", description: quantity && quantity > 1 ? `${quantity} × ${name}` : name, amount: quantity && unit !== undefined ? quantity * unit : undefined };
  });
}

/** The deposit's share and what it is a share of: the lines above, or an amount typed here. */
function depositOf(values: Values, packages: ServicePackage[], currency: string) {
  const lines = typedLines(values, packages, currency);
  const basisPoints = parsePercent(values.depositPercent);
  const base = lines.length ? sum(lines.map((line) => line.amount)) : Money.parseMajor(values.depositOf, currency);
  return { ofLines: lines.length > 0, basisPoints, base, amount: basisPoints ? share(base, basisPoints) : undefined };
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

/** The client's issued deposits not yet taken off, to take off this invoice before tax. */
function DepositsToTakeOff(props: { client: Client; selected: string[]; toggle: (id: string, on: boolean) => void; submission: Submission }) {
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

/** The invoice as the API will draft it from what is typed: its lines, subtotal, tax and total. */
function InvoicePreview(props: { client: Client; values: Values; packages: ServicePackage[] }) {
  const currency = () => props.client.currency;
  const m = (amount: number) => money(amount, currency());
  const unbilled = createAsync(async () => (billsTime(props.values) ? await getUnbilled(props.client.id, props.values.from, props.values.to) : undefined));
  const deposits = createAsync(() => getOpenDeposits(props.client.id));
  const lines = (): PreviewLine[] => {
    const time = unbilled()?.items ?? [];
    const increment = unbilled()?.increment ?? Money.EXACT_MINUTE;
    const rate = props.client.billing.hourlyRate;
    const minutes = billedMinutes(time, increment);
    const timeLine: PreviewLine[] = time.length
      ? [{ kind: "time", description: t("invoiceNew.previewTime", { hours: hoursMinutes(minutes) }), amount: rate === null ? undefined : timeAmount(time, rate, increment) }]
      : [];
    const typed = typedLines(props.values, props.packages, currency());
    let middle = typed;
    if (props.values.deposit) {
      // A deposit invoice bills one line, the deposit, described by what it is for.
      const deposit = depositOf(props.values, props.packages, currency());
      const described = { percent: percent(deposit.basisPoints ?? 0), lines: typed.map((line) => line.description).join("; ") };
      const description = props.values.depositDescription.trim() || (typed.length ? t("invoiceNew.previewDepositOf", described) : t("invoiceNew.previewDeposit", described));
      middle = [{ kind: "custom", description, amount: deposit.amount }];
    }
    const taken = (deposits()?.items ?? [])
      .filter((deposit) => props.values.deductDeposits.includes(deposit.id))
      .map((deposit): PreviewLine => ({ kind: "deposit", description: t("invoiceNew.lessDeposit", { number: deposit.number ?? "" }), amount: -deposit.subtotal }));
    return [...timeLine, ...middle, ...taken];
  };
  const totals = () => totalsOf(lines(), props.client.billing.taxRate);
  return (
    <Show when={lines().length > 0} fallback={<p class="muted">{t("invoiceNew.previewEmpty")}</p>}>
      <div class="table-wrap">
        <table class="table invoice-lines">
          <caption class="sr-only">{t("invoiceNew.previewTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("invoice.line")}</th>
              <th scope="col" class="num">
                {t("invoice.amount")}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={lines()}>
              {(line) => (
                <tr data-testid="preview-line" data-kind={line.kind}>
                  <td>{line.description}</td>
                  <td class="num">{line.amount === undefined ? "—" : m(line.amount)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show
        when={"total" in totals() ? (totals() as { subtotal: number; tax: number; total: number }) : undefined}
        fallback={
          <p class="notice notice-warning" data-testid="preview-problem">
            {"negative" in totals() ? t("invoiceNew.previewNegative") : t("invoiceNew.previewIncomplete")}
          </p>
        }
      >
        {(sums) => (
          <dl class="invoice-totals" data-testid="preview-totals">
            <div>
              <dt>{t("invoice.subtotal")}</dt>
              <dd data-testid="preview-subtotal">{m(sums().subtotal)}</dd>
            </div>
            <div>
              <dt>{t("invoice.tax", { name: props.client.billing.taxName, rate: percent(props.client.billing.taxRate) })}</dt>
              <dd data-testid="preview-tax">{m(sums().tax)}</dd>
            </div>
            <div class="invoice-total">
              <dt>{t("invoice.total")}</dt>
              <dd data-testid="preview-total">{m(sums().total)}</dd>
            </div>
          </dl>
        )}
      </Show>
    </Show>
  );
}

/** The client's unbilled time in the period, and what it comes to at their rate (as the API will bill it). */
function UnbilledTime(props: { client: Client; from: string; to: string }) {
  return (
    <Boundary onRetry={() => revalidate(getUnbilled.key)}>
      <UnbilledTable {...props} />
    </Boundary>
  );
}

function UnbilledTable(props: { client: Client; from: string; to: string }) {
  const entries = createAsync(() => getUnbilled(props.client.id, props.from, props.to));
  const rate = () => props.client.billing.hourlyRate;
  const increment = () => entries()?.increment ?? Money.EXACT_MINUTE;
  const worked = () => (entries()?.items ?? []).reduce((total, entry) => total + entry.minutes, 0);
  const minutes = () => billedMinutes(entries()?.items ?? [], increment());
  // The API bills one line per task of rounded entries, each rounded to the minor unit; so does the preview.
  const amount = () => {
    const r = rate();
    return r === null ? 0 : timeAmount(entries()?.items ?? [], r, increment());
  };
  return (
    <div class="stack" data-testid="unbilled-time">
      {/* The form's first card has no heading of its own: this one sits directly under the h1. */}
      <h2 class="subheading">{t("invoiceNew.timeTitle")}</h2>
      <Show when={(entries()?.items.length ?? 0) > 0} fallback={<p class="muted">{t("invoiceNew.noTime")}</p>}>
        <Show when={rate() === null}>
          <p class="notice notice-warning" role="alert">
            {t("invoiceNew.noRate", { name: props.client.name })}{" "}
            <A href={`/clients/${encodeURIComponent(props.client.id)}`}>{t("invoiceNew.setRate")}</A>
          </p>
        </Show>
        <div class="table-wrap">
          <table class="table table-stack">
            <caption class="sr-only">{t("invoiceNew.timeTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("invoiceNew.date")}</th>
                <th scope="col">{t("invoiceNew.work")}</th>
                <th scope="col">{t("invoiceNew.member")}</th>
                <th scope="col" class="num">{t("invoiceNew.duration")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={entries()?.items}>
                {(entry) => (
                  <tr data-testid="unbilled-entry">
                    <td data-label={t("invoiceNew.date")}>{formatDate(entry.startedAt)}</td>
                    <td data-label={t("invoiceNew.work")}>{entry.label}</td>
                    <td data-label={t("invoiceNew.member")}>{entry.member.name}</td>
                    <td data-label={t("invoiceNew.duration")} class="num">{hoursMinutes(entry.minutes)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <p class="muted small" data-testid="increment-rule">
          {describeIncrement(increment())}
          <Show when={minutes() !== worked()}> ({t("invoiceNew.workedBilled", { worked: hoursMinutes(worked()), billed: hoursMinutes(minutes()) })})</Show>
        </p>
        <Show when={rate()}>
          {(r) => (
            <p class="invoice-time-total" data-testid="unbilled-total">
              {t("invoiceNew.timeTotal", { hours: hoursMinutes(minutes()), rate: money(r(), props.client.currency), amount: money(amount(), props.client.currency) })}
            </p>
          )}
        </Show>
      </Show>
    </div>
  );
}
