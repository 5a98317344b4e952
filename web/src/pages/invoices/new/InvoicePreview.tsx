import { t } from "@baton/ui/i18n";
import { Money } from "@baton/ui/money";
import type { Client, ServicePackage } from "@baton/ui/types";
import { createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import { getOpenDeposits, getUnbilled } from "../data";
import { hoursMinutes, money, percent } from "../format";
import { billedMinutes, timeAmount, totalsOf, type PreviewLine } from "../preview";
import { billsTime, depositOf, typedLines, type Values } from "./form";

// The invoice as the API will draft it from what is typed: its lines, subtotal, tax and total.

type Unbilled = Awaited<ReturnType<typeof getUnbilled>>;
type OpenDeposit = Awaited<ReturnType<typeof getOpenDeposits>>["items"][number];
type Sums = { subtotal: number; tax: number; total: number };

/** The time line: the period's unbilled time, rounded and priced as the API bills it. */
function timeLines(unbilled: Unbilled | undefined, client: Client): PreviewLine[] {
  const time = unbilled?.items ?? [];
  if (!time.length) return [];
  const increment = unbilled?.increment ?? Money.EXACT_MINUTE;
  const rate = client.billing.hourlyRate;
  const minutes = billedMinutes(time, increment);
  return [{ kind: "time", description: t("invoiceNew.previewTime", { hours: hoursMinutes(minutes) }), amount: rate === null ? undefined : timeAmount(time, rate, increment) }];
}

/** The typed lines; on a deposit invoice, the one deposit line described by what it is for. */
function middleLines(values: Values, packages: ServicePackage[], currency: string): PreviewLine[] {
  const typed = typedLines(values, packages, currency);
  if (!values.deposit) return typed;
  const deposit = depositOf(values, packages, currency);
  const described = { percent: percent(deposit.basisPoints ?? 0), lines: typed.map((line) => line.description).join("; ") };
  const description = values.depositDescription.trim() || (typed.length ? t("invoiceNew.previewDepositOf", described) : t("invoiceNew.previewDeposit", described));
  return [{ kind: "custom", description, amount: deposit.amount }];
}

/** The deposits ticked to take off, as negative lines. */
const takenLines = (deposits: OpenDeposit[], ticked: string[]): PreviewLine[] =>
  deposits
    .filter((deposit) => ticked.includes(deposit.id))
    .map((deposit) => ({ kind: "deposit", description: t("invoiceNew.lessDeposit", { number: deposit.number ?? "" }), amount: -deposit.subtotal }));

export function InvoicePreview(props: { client: Client; values: Values; packages: ServicePackage[] }) {
  const currency = () => props.client.currency;
  const unbilled = createAsync(async () => (billsTime(props.values) ? await getUnbilled(props.client.id, props.values.from, props.values.to) : undefined));
  const deposits = createAsync(() => getOpenDeposits(props.client.id));
  const lines = (): PreviewLine[] => [
    ...timeLines(unbilled(), props.client),
    ...middleLines(props.values, props.packages, currency()),
    ...takenLines(deposits()?.items ?? [], props.values.deductDeposits),
  ];
  const totals = () => totalsOf(lines(), props.client.billing.taxRate);
  return (
    <Show when={lines().length > 0} fallback={<p class="muted">{t("invoiceNew.previewEmpty")}</p>}>
      <PreviewTable lines={lines()} currency={currency()} />
      <Show
        when={"total" in totals() ? (totals() as Sums) : undefined}
        fallback={
          <p class="notice notice-warning" data-testid="preview-problem">
            {"negative" in totals() ? t("invoiceNew.previewNegative") : t("invoiceNew.previewIncomplete")}
          </p>
        }
      >
        {(sums) => <PreviewTotals sums={sums()} client={props.client} />}
      </Show>
    </Show>
  );
}

function PreviewTable(props: { lines: PreviewLine[]; currency: string }) {
  return (
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
          <For each={props.lines}>
            {(line) => (
              <tr data-testid="preview-line" data-kind={line.kind}>
                <td>{line.description}</td>
                <td class="num">{line.amount === undefined ? "—" : money(line.amount, props.currency)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

function PreviewTotals(props: { sums: Sums; client: Client }) {
  const m = (amount: number) => money(amount, props.client.currency);
  return (
    <dl class="invoice-totals" data-testid="preview-totals">
      <div>
        <dt>{t("invoice.subtotal")}</dt>
        <dd data-testid="preview-subtotal">{m(props.sums.subtotal)}</dd>
      </div>
      <div>
        <dt>{t("invoice.tax", { name: props.client.billing.taxName, rate: percent(props.client.billing.taxRate) })}</dt>
        <dd data-testid="preview-tax">{m(props.sums.tax)}</dd>
      </div>
      <div class="invoice-total">
        <dt>{t("invoice.total")}</dt>
        <dd data-testid="preview-total">{m(props.sums.total)}</dd>
      </div>
    </dl>
  );
}
