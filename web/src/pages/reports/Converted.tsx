import { t } from "@baton/ui/i18n";
import { Show } from "solid-js";
import { StackedBars, type Bar } from "./charts/StackedBars";
import { axisMoney, money } from "./format";

// Every currency of a report in the agency's own, converted at the rate each invoice stamped when
// it was sent (the API converts; amounts here are its exact integers). Invoices sent with no rate
// are named, not guessed at.

type Unconverted = Array<{ currency: string; amount: number; invoices: number }>;

export function ConvertedTotal(props: {
  currency: string;
  total: number;
  unconverted: Unconverted;
  /** A bar per month or per age, in the agency's currency. */
  parts?: Array<{ key: string; label: string; amount: number }>;
  testid: string;
}) {
  const bars = (): Bar[] =>
    (props.parts ?? []).map((part) => ({ key: part.key, label: part.label, title: `${part.label}: ${money(part.amount, props.currency)}`, segments: [{ value: part.amount, tone: "tone-0" }] }));
  return (
    <div class="report-block report-converted" data-testid={props.testid}>
      <div class="report-block-header">
        <h3>{t("reports.converted.title", { currency: props.currency })}</h3>
        <p class="report-figure">
          {t("reports.converted.total")}: <strong data-testid={`${props.testid}-total`}>{money(props.total, props.currency)}</strong>
        </p>
      </div>
      <p class="muted small">{t("reports.converted.note")}</p>
      <Show when={props.unconverted.length}>
        <p class="muted small" data-testid={`${props.testid}-unconverted`}>
          {t("reports.converted.unconverted", {
            list: props.unconverted.map((item) => `${money(item.amount, item.currency)} (${item.invoices})`).join(", "),
          })}
        </p>
      </Show>
      <Show when={bars().length}>
        <div class="chart-box">
          <StackedBars bars={bars()} summary={t("reports.converted.chart", { currency: props.currency, total: money(props.total, props.currency) })} tick={(value) => axisMoney(value, props.currency)} testid={`${props.testid}-chart`} />
        </div>
      </Show>
    </div>
  );
}
