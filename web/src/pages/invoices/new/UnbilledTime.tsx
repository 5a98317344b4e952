import { Boundary } from "@baton/ui/Boundary";
import { formatDate, t } from "@baton/ui/i18n";
import { Money } from "@baton/ui/money";
import type { Client } from "@baton/ui/types";
import { A, createAsync, revalidate } from "@solidjs/router";
import { For, Show } from "solid-js";
import { describeIncrement } from "../../../components/IncrementFields";
import { getUnbilled } from "../data";
import { hoursMinutes, money } from "../format";
import { billedMinutes, timeAmount } from "../preview";

/** The client's unbilled time in the period, and what it comes to at their rate (as the API will bill it). */
export function UnbilledTime(props: { client: Client; from: string; to: string }) {
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
