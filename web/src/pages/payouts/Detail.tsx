import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button, buttonClass } from "@baton/ui/Button";
import { formatDate, intlLocale, t } from "@baton/ui/i18n";
import { formatMoney } from "@baton/ui/money";
import { formatMinutes } from "@baton/ui/time";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import type { PayoutStatement } from "@baton/ui/types";
import { A, createAsync, useParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { getStatement, monthLabel, refreshPayouts } from "./data";
import { StatusOf } from "./index";
import { PaidDialog } from "./PaidDialog";

const hours = formatMinutes;

/** One payout statement as a page: its month's work, total, exchange rate, and how it was paid. */
export default function StatementPage() {
  const params = useParams<{ id: string }>();
  const statement = createAsync(() => getStatement(params.id));
  return (
    <section class="page">
      <Boundary onRetry={() => refreshPayouts()}>
        <Show when={statement()}>{(current) => <Statement statement={current()} />}</Show>
      </Boundary>
    </section>
  );
}

function Statement(props: { statement: PayoutStatement }) {
  const { me } = useSession();
  const [paying, setPaying] = createSignal<PayoutStatement>();
  const title = () => t("payouts.statementTitle", { month: monthLabel(props.statement.period, intlLocale()) });
  const money = (amount: number, currency = props.statement.currency) => formatMoney(amount, currency);
  return (
    <>
      <Title>{title()}</Title>
      <PageHeader
        title={title()}
        back={<A href="/payouts">{t("payouts.back")}</A>}
        actions={
          <div class="time-actions">
            <a href={api.payouts.pdfUrl(props.statement.id)} download="" class={buttonClass("secondary", "sm")} data-testid="statement-pdf">
              {t("payouts.pdf")}
            </a>
            <Show when={me().role === "owner" && props.statement.status === "issued"}>
              <Button size="sm" variant="primary" onClick={() => setPaying(props.statement)} data-testid="statement-mark-paid">
                {t("payouts.markPaid")}
              </Button>
            </Show>
          </div>
        }
      />
      <article class="card payout-statement" data-testid="payout-statement">
        <header class="payout-statement-head">
          <div>
            <p class="payout-member">{t("payouts.forMember", { name: props.statement.member.name })}</p>
            <p class="cell-sub">
              {t("payouts.issuedOn", { date: formatDate(props.statement.issuedAt) })} · {t("payouts.perHour", { rate: money(props.statement.costRate) })}
            </p>
          </div>
          <StatusOf statement={props.statement} />
        </header>
        <div class="table-wrap">
          <table class="table">
            <caption class="sr-only">{title()}</caption>
            <thead>
              <tr>
                <th scope="col">{t("payouts.work")}</th>
                <th scope="col" class="num">{t("payouts.colHours")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.statement.lines}>
                {(line) => (
                  <tr>
                    <td>{line.label}</td>
                    <td class="num">{hours(line.minutes)}</td>
                  </tr>
                )}
              </For>
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("payouts.totalHours")}</th>
                <td class="num">{hours(props.statement.minutes)}</td>
              </tr>
              <tr class="payout-total">
                <th scope="row">{t("payouts.total")}</th>
                <td class="num" data-testid="statement-total">
                  {money(props.statement.amount)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        <Show when={props.statement.exchange}>
          {(exchange) => (
            <p class="cell-sub">{t("payouts.exchange", { rate: exchange().rate, to: exchange().to, from: props.statement.currency, amount: money(exchange().amount, exchange().to) })}</p>
          )}
        </Show>
        <Show when={props.statement.paid}>
          {(paid) => (
            <p class="payout-paid" data-testid="statement-paid">
              {t("payouts.paidOn", { date: formatDate(paid().at), method: t(`payouts.method.${paid().method}`), reference: paid().reference })}
            </p>
          )}
        </Show>
      </article>
      <PaidDialog statement={paying()} onClose={() => setPaying(undefined)} />
    </>
  );
}
