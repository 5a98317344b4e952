import { api } from "@baton/ui/api";
import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { Button, buttonClass } from "@baton/ui/Button";
import { EmptyState } from "@baton/ui/EmptyState";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { createSubmission } from "@baton/ui/Form";
import { formatDate, intlLocale, t } from "@baton/ui/i18n";
import { formatMoney } from "@baton/ui/money";
import { formatMinutes } from "@baton/ui/time";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { PayoutOverview, PayoutStatement } from "@baton/ui/types";
import { A, createAsync, useSearchParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { getMine, getOverview, monthLabel, refreshPayouts } from "./data";
import { PaidDialog } from "./PaidDialog";

const hours = formatMinutes;
const month = (period: string) => monthLabel(period, intlLocale());

/** Payouts: the owner's overview of what each subcontractor is owed, and a member's own statements. */
export default function PayoutsPage() {
  const { me } = useSession();
  return (
    <section class="page page-wide">
      <Title>{t("payouts.title")}</Title>
      <Show when={me().role === "owner"} fallback={<MyStatements />}>
        <OwnerPayouts />
      </Show>
    </section>
  );
}

function OwnerPayouts() {
  const [params, setParams] = useSearchParams<{ month?: string }>();
  const period = () => (/^\d{4}-\d{2}$/.test(params.month ?? "") ? params.month! : "");
  const overview = createAsync(() => getOverview(period()));
  const [paying, setPaying] = createSignal<PayoutStatement>();
  return (
    <>
      <PageHeader
        title={t("payouts.title")}
        intro={t("payouts.intro")}
        actions={
          <a href={api.payouts.csvUrl()} download="" class={buttonClass("secondary", "sm")} data-testid="payouts-csv">
            {t("payouts.csv")}
          </a>
        }
      />
      <Boundary onRetry={() => refreshPayouts()}>
        <Show when={overview()}>
          {(view) => (
            <>
              <OwedCard view={view()} onMonth={(value) => setParams({ month: value || undefined })} />
              <StatementsCard statements={view().statements} onPay={setPaying} owner />
            </>
          )}
        </Show>
      </Boundary>
      <PaidDialog statement={paying()} onClose={() => setPaying(undefined)} />
    </>
  );
}

function OwedCard(props: { view: PayoutOverview; onMonth: (value: string) => void }) {
  const submission = createSubmission();
  const issue = (memberId: string) =>
    submission.run(async () => {
      try {
        await api.payouts.issue(memberId, props.view.period);
        toast(t("payouts.issuedToast"));
      } finally {
        await refreshPayouts();
      }
    });
  return (
    <section class="card" aria-labelledby="payouts-owed-title" data-testid="payouts-owed">
      <div class="payouts-owed-head">
        <h2 id="payouts-owed-title">{t("payouts.owedTitle", { month: month(props.view.period) })}</h2>
        <TextField type="month" label={t("payouts.month")} name="month" value={props.view.period} onChange={(e) => props.onMonth(e.currentTarget.value)} data-testid="payouts-month" />
      </div>
      <ErrorMessage error={submission.error()} />
      <Show when={props.view.owed.length} fallback={<p class="muted">{t("payouts.noSubcontractors")}</p>}>
        <div class="table-wrap">
          <table class="table table-stack">
            <caption class="sr-only">{t("payouts.owedTitle", { month: month(props.view.period) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("payouts.colMember")}</th>
                <th scope="col" class="num">{t("payouts.colHours")}</th>
                <th scope="col" class="num">{t("payouts.colRate")}</th>
                <th scope="col" class="num">{t("payouts.colAmount")}</th>
                <th scope="col">
                  <span class="sr-only">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={props.view.owed}>
                {(row) => (
                  <tr data-testid="owed-row" data-member={row.member.id}>
                    <th scope="row" data-label={t("payouts.colMember")}>
                      {row.member.name}
                    </th>
                    <td class="num" data-label={t("payouts.colHours")}>
                      {hours(row.minutes)}
                    </td>
                    <td class="num" data-label={t("payouts.colRate")}>
                      {row.costRate === null ? <span class="muted">{t("payouts.noRate")}</span> : formatMoney(row.costRate, row.currency)}
                    </td>
                    <td class="num" data-label={t("payouts.colAmount")}>
                      {formatMoney(row.amount, row.currency)}
                    </td>
                    <td class="cell-actions">
                      <Show
                        when={row.statementId}
                        fallback={
                          <Show when={row.minutes > 0 && row.costRate !== null} fallback={<span class="muted">{t("payouts.nothingOwed")}</span>}>
                            <Button size="sm" variant="primary" disabled={submission.pending()} onClick={() => void issue(row.member.id)} aria-label={t("payouts.issueNamed", { name: row.member.name, month: month(props.view.period) })}>
                              {t("payouts.issue")}
                            </Button>
                          </Show>
                        }
                      >
                        {(id) => (
                          <A href={`/payouts/${id()}`} class={buttonClass("ghost", "sm")} aria-label={t("payouts.openNamed", { name: row.member.name, month: month(props.view.period) })}>
                            {t("payouts.open")}
                          </A>
                        )}
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}

export function StatusOf(props: { statement: PayoutStatement }) {
  return <Badge tone={props.statement.status === "paid" ? "success" : "warning"}>{t(`payouts.status.${props.statement.status}`)}</Badge>;
}

function StatementsCard(props: { statements: PayoutStatement[]; onPay?: (statement: PayoutStatement) => void; owner?: boolean }) {
  return (
    <section class="card" aria-labelledby="payouts-statements-title" data-testid="payouts-statements">
      <h2 id="payouts-statements-title">{t("payouts.statementsTitle")}</h2>
      <Show when={props.statements.length} fallback={<EmptyState title={t("payouts.emptyTitle")}>{props.owner ? t("payouts.emptyBody") : t("payouts.emptyMine")}</EmptyState>}>
        <div class="table-wrap">
          <table class="table table-stack">
            <caption class="sr-only">{t("payouts.statementsTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("payouts.colMonth")}</th>
                <Show when={props.owner}>
                  <th scope="col">{t("payouts.colMember")}</th>
                </Show>
                <th scope="col" class="num">{t("payouts.colHours")}</th>
                <th scope="col" class="num">{t("payouts.colAmount")}</th>
                <th scope="col">{t("payouts.colStatus")}</th>
                <th scope="col">
                  <span class="sr-only">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={props.statements}>
                {(statement) => (
                  <tr data-testid="statement-row" data-statement={statement.id}>
                    <th scope="row" data-label={t("payouts.colMonth")}>
                      {month(statement.period)}
                      <div class="cell-sub">{t("payouts.issuedOn", { date: formatDate(statement.issuedAt) })}</div>
                    </th>
                    <Show when={props.owner}>
                      <td data-label={t("payouts.colMember")}>{statement.member.name}</td>
                    </Show>
                    <td class="num" data-label={t("payouts.colHours")}>
                      {hours(statement.minutes)}
                    </td>
                    <td class="num" data-label={t("payouts.colAmount")}>
                      {formatMoney(statement.amount, statement.currency)}
                    </td>
                    <td data-label={t("payouts.colStatus")}>
                      <StatusOf statement={statement} />
                    </td>
                    <td class="cell-actions">
                      <div class="time-actions">
                        <A href={`/payouts/${statement.id}`} class={buttonClass("ghost", "sm")} aria-label={t("payouts.openNamed", { name: statement.member.name, month: month(statement.period) })}>
                          {t("payouts.open")}
                        </A>
                        <Show when={props.onPay && statement.status === "issued"}>
                          <Button size="sm" onClick={() => props.onPay?.(statement)} aria-label={t("payouts.markPaidNamed", { name: statement.member.name, month: month(statement.period) })}>
                            {t("payouts.markPaid")}
                          </Button>
                        </Show>
                      </div>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}

function MyStatements() {
  const mine = createAsync(() => getMine());
  return (
    <>
      <PageHeader title={t("payouts.title")} intro={t("payouts.introMine")} />
      <Boundary onRetry={() => refreshPayouts()}>
        <Show when={mine()}>{(list) => <StatementsCard statements={list().statements} />}</Show>
      </Boundary>
    </>
  );
}
