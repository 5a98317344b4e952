import { todayIn } from "@baton/kernel/dates";
import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { formatNumber, t } from "@baton/ui/i18n";
import { formatMoney } from "@baton/ui/money";
import { useSession } from "@baton/ui/session";
import { A, createAsync, revalidate } from "@solidjs/router";
import { For, Show, type JSX } from "solid-js";
import { DueDate } from "../../components/Due";
import { now } from "../../lib/time";
import { getResponses } from "../reports/data";
import { monthLong, monthShort } from "../reports/format";
import { getRequests } from "../requests/data";
import { getSummary, type Summary } from "../satisfaction/data";
import { getDeadlines, getQaQueue } from "../tasks/data";
import { CARD_ROWS, daysLate, dueToday, getOverdueInvoices, NEAR_RESPONSE_HOURS, nearResponse } from "./data";
import { ResponseDue } from "../../components/ResponseDue";
import { Sparkline } from "./Sparkline";

/** A home card: a heading, its own loading/error state around the body, and the way to the full list. */
function Card(props: { id: string; title: string; href: string; link: string; onRetry: () => unknown; children: JSX.Element }) {
  return (
    <article class="card home-card" aria-labelledby={`${props.id}-title`} data-testid={props.id}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <Boundary onRetry={props.onRetry}>{props.children}</Boundary>
      <p class="home-card-link">
        <A href={props.href}>{props.link}</A>
      </p>
    </article>
  );
}

/** The first CARD_ROWS of `items`, then "and 3 more". */
function Rows<T>(props: { items: T[]; children: (item: T) => JSX.Element }) {
  return (
    <>
      <ul class="home-list">
        <For each={props.items.slice(0, CARD_ROWS)}>{(item) => <li>{props.children(item)}</li>}</For>
      </ul>
      <Show when={props.items.length > CARD_ROWS}>
        <p class="muted small">{t("home.more", { count: props.items.length - CARD_ROWS })}</p>
      </Show>
    </>
  );
}

export function TodayCard() {
  const { me } = useSession();
  const deadlines = createAsync(() => getDeadlines());
  const today = () => dueToday(deadlines()?.items ?? [], now(), me().timeZone);
  const overdue = () => today().filter((task) => Date.parse(task.dueAt) < now().getTime()).length;
  return (
    <Card id="home-today" title={t("home.todayTitle")} href="/deadlines" link={t("home.todayLink")} onRetry={() => revalidate(getDeadlines.key)}>
      <Show when={deadlines()}>
        <Show when={today().length} fallback={<EmptyState title={t("home.todayEmptyTitle")}>{t("home.todayEmptyBody")}</EmptyState>}>
          <Show when={overdue()}>
            <p class="small text-danger">{t("home.todayOverdue", { count: overdue() })}</p>
          </Show>
          <Rows items={today()}>
            {(task) => (
              <>
                <A href={`/tasks/${task.id}`} class="home-row-title">
                  {task.title}
                </A>
                <span class="home-row-meta">
                  <span>{task.client.name}</span>
                  <DueDate at={task.dueAt} />
                </span>
              </>
            )}
          </Rows>
        </Show>
      </Show>
    </Card>
  );
}

export function QaCard() {
  const qa = createAsync(() => getQaQueue());
  return (
    <Card id="stat-qa" title={t("home.qaTitle")} href="/qa" link={t("home.qaLink")} onRetry={() => revalidate(getQaQueue.key)}>
      <Show when={qa()}>
        {(queue) => (
          <>
            <p class="stat-value">
              <span class="stat-number">{formatNumber(queue().items.length)}</span>{" "}
              <span class="stat-label">{t("home.qaCount", { count: queue().items.length })}</span>
            </p>
            <Show when={queue().items.length}>
              <Rows items={queue().items}>
                {(task) => (
                  <>
                    <A href={`/tasks/${task.id}`} class="home-row-title">
                      {task.title}
                    </A>
                    <span class="home-row-meta">
                      <span>{task.client.name}</span>
                      <Show when={task.assignee}>{(assignee) => <span>{assignee().name}</span>}</Show>
                    </span>
                  </>
                )}
              </Rows>
            </Show>
          </>
        )}
      </Show>
    </Card>
  );
}

export function ResponsesCard() {
  const { me } = useSession();
  const inbox = createAsync(() => getRequests("submitted", ""));
  const near = () => nearResponse(inbox()?.items ?? [], now(), me().agency);
  return (
    <Card id="home-responses" title={t("home.responsesTitle")} href="/requests" link={t("home.inboxLink")} onRetry={() => revalidate(getRequests.key)}>
      <p class="muted small">{t("home.responsesIntro", { hours: NEAR_RESPONSE_HOURS })}</p>
      <Show when={inbox()}>
        <Show when={near().length} fallback={<EmptyState title={t("home.responsesEmptyTitle")}>{t("home.responsesEmptyBody", { hours: NEAR_RESPONSE_HOURS })}</EmptyState>}>
          <Rows items={near()}>
            {(request) => (
              <>
                <A href={`/requests/${request.id}`} class="home-row-title">
                  {request.reference} · {request.title}
                </A>
                <span class="home-row-meta">
                  {/* Time left in the agency's working hours, as the promise counts it. */}
                  <ResponseDue at={request.responseDueAt} agency={me().agency} />
                </span>
              </>
            )}
          </Rows>
        </Show>
      </Show>
    </Card>
  );
}

/** This month's broken response promises (the agency's month): one number, and the way to the report. */
export function BreachesCard() {
  const { me } = useSession();
  const month = () => todayIn(me().agency.timeZone).slice(0, 7);
  const report = createAsync(() => getResponses(month(), month()));
  return (
    <Card
      id="home-breaches"
      title={t("hours.homeTitle")}
      href={`/reports?rfrom=${month()}&rto=${month()}`}
      link={t("hours.homeLink")}
      onRetry={() => revalidate(getResponses.key)}
    >
      <Show when={report()}>
        {(loaded) => (
          <Show when={loaded().total.received} fallback={<p class="muted small">{t("hours.homeEmpty")}</p>}>
            <p class="stat-value" classList={{ "home-breached": loaded().total.breached > 0 }}>
              <span class="stat-number" data-testid="home-breaches-count">
                {formatNumber(loaded().total.breached)}
              </span>{" "}
              <span class="stat-label">{t("hours.homeBreached", { count: loaded().total.breached })}</span>
            </p>
            <p class="muted small">{t("hours.homeOf", { count: loaded().total.received })}</p>
          </Show>
        )}
      </Show>
    </Card>
  );
}

export function InvoicesCard() {
  const invoices = createAsync(() => getOverdueInvoices());
  const late = (dueAt: string | null) => {
    const days = daysLate(dueAt, now());
    return days ? t("home.daysLate", { count: days }) : t("home.lateToday");
  };
  return (
    <Card id="home-invoices" title={t("home.invoicesTitle")} href="/invoices" link={t("home.invoicesLink")} onRetry={() => revalidate(getOverdueInvoices.key)}>
      <Show when={invoices()}>
        {(loaded) => (
          <>
            <Show when={loaded().items.length} fallback={<EmptyState title={t("home.invoicesEmptyTitle")}>{t("home.invoicesEmptyBody")}</EmptyState>}>
              <Rows items={loaded().items}>
                {(invoice) => (
                  <>
                    <A href={`/invoices/${invoice.id}`} class="home-row-title">
                      {invoice.number} · {invoice.client.name}
                    </A>
                    <span class="home-row-meta">
                      <span>{t("home.balance", { amount: formatMoney(invoice.balance, invoice.currency) })}</span>
                      <Badge tone="danger">{late(invoice.dueAt)}</Badge>
                    </span>
                  </>
                )}
              </Rows>
            </Show>
            <Show when={loaded().more}>
              <p class="muted small">{t("home.invoicesPartial")}</p>
            </Show>
          </>
        )}
      </Show>
    </Card>
  );
}

const npsText = (score: number | null) => (score === null ? t("satisfaction.none") : formatNumber(score, { signDisplay: "exceptZero" }));
const csatText = (average: number | null) =>
  average === null ? t("satisfaction.none") : formatNumber(average, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function SatisfactionCard() {
  const summary = createAsync(() => getSummary("", ""));
  return (
    <Card id="home-satisfaction" title={t("home.satisfactionTitle")} href="/satisfaction" link={t("home.satisfactionLink")} onRetry={() => revalidate(getSummary.key)}>
      <Show when={summary()}>
        {(loaded) => (
          <Show
            when={loaded().nps.responses + loaded().csat.responses}
            fallback={<EmptyState title={t("home.satisfactionEmptyTitle")}>{t("home.satisfactionEmptyBody")}</EmptyState>}
          >
            <Trend summary={loaded()} />
          </Show>
        )}
      </Show>
    </Card>
  );
}

function Trend(props: { summary: Summary }) {
  const describe = (key: "home.npsTrend" | "home.csatTrend", value: (m: Summary["months"][number]) => string) =>
    t(key, { values: props.summary.months.map((m) => t("satisfaction.chartPoint", { month: monthShort(m.month), value: value(m) })).join(", ") });
  const npsPoint = (m: Summary["months"][number]) => (m.nps.score === null ? t("satisfaction.noAnswer") : npsText(m.nps.score));
  const csatPoint = (m: Summary["months"][number]) => (m.csat.average === null ? t("satisfaction.noAnswer") : csatText(m.csat.average));
  return (
    <>
      <p class="muted small">{t("home.satisfactionSpan", { from: monthLong(props.summary.from), to: monthLong(props.summary.to) })}</p>
      <dl class="home-trend">
        <div>
          <dt>{t("satisfaction.nps")}</dt>
          <dd>
            <span class="stat-number" data-testid="home-nps">
              {npsText(props.summary.nps.score)}
            </span>
            <Sparkline values={props.summary.months.map((m) => m.nps.score)} min={-100} max={100} label={describe("home.npsTrend", npsPoint)} testid="home-nps-trend" />
          </dd>
        </div>
        <div>
          <dt>{t("satisfaction.csat")}</dt>
          <dd>
            <span class="stat-number" data-testid="home-csat">
              {csatText(props.summary.csat.average)}
            </span>
            <Sparkline values={props.summary.months.map((m) => m.csat.average)} min={1} max={5} label={describe("home.csatTrend", csatPoint)} testid="home-csat-trend" />
          </dd>
        </div>
      </dl>
    </>
  );
}
