import { Boundary } from "@baton/ui/Boundary";
import { buttonClass } from "@baton/ui/Button";
import { formatNumber, t, type MessageKey } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { A, createAsync } from "@solidjs/router";
import { Show } from "solid-js";
import { expireOnLeave } from "../lib/work";
import { getClients } from "./clients/data";
import { BreachesCard, InvoicesCard, QaCard, ResponsesCard, SatisfactionCard, TodayCard } from "./home/Cards";
import { getOverdueInvoices } from "./home/data";
import "./home/home.css";
import { UnreadCard } from "./home/UnreadCard";
import { FirstRunCard } from "./home/FirstRunCard";
import { NextTaskCard, ReturnsCard, TimerCard, WeekCard } from "./home/SubcontractorCards";
import { getResponses } from "./reports/data";
import { getRequests } from "./requests/data";
import { getSummary } from "./satisfaction/data";
import { getDeadlines, getMine, getQaQueue } from "./tasks/data";
import { getMembers } from "./team/data";

export default function Home() {
  const { me } = useSession();
  const firstName = () => me().name.split(/\s+/)[0] || me().name;
  return (
    <section class="page">
      <Title>{t("home.title")}</Title>
      <PageHeader title={t("home.greeting", { name: firstName() })} intro={me().agency.name} />
      <Show when={me().role === "owner"} fallback={<SubcontractorHome />}>
        <OwnerHome />
      </Show>
    </section>
  );
}

/** The owner's day at a glance: the counts, then what needs them today, each card loading on its own. */
function OwnerHome() {
  const inbox = createAsync(() => getRequests("submitted", ""));
  const members = createAsync(() => getMembers());
  const clients = createAsync(() => getClients(""));
  // Coming back home should show the current state, not a list cached a few seconds ago.
  expireOnLeave(() => [getDeadlines.key, getQaQueue.key, getRequests.key, getOverdueInvoices.key, getSummary.key, getResponses.key]);
  return (
    <>
      <FirstRunCard />
      <div class="stat-grid">
        <Stat
          title={t("home.inboxTitle")}
          count={() => inbox() && { value: inbox()!.items.length, more: !!inbox()!.cursor }}
          countKey="home.inboxCount"
          href="/requests"
          link={t("home.inboxLink")}
          testid="stat-inbox"
        />
        <Stat
          title={t("home.teamTitle")}
          count={() => members() && { value: members()!.items.filter((m) => m.status !== "removed").length, more: !!members()!.cursor }}
          countKey="home.teamCount"
          href="/team"
          link={t("home.teamLink")}
          testid="stat-team"
        />
        <Stat
          title={t("home.clientsTitle")}
          count={() => clients() && { value: clients()!.items.length, more: !!clients()!.cursor }}
          countKey="home.clientsCount"
          href="/clients"
          link={t("home.clientsLink")}
          testid="stat-clients"
        />
      </div>
      <div class="home-grid">
        <UnreadCard />
        <TodayCard />
        <QaCard />
        <ResponsesCard />
        <BreachesCard />
        <InvoicesCard />
        <SatisfactionCard />
      </div>
    </>
  );
}

function Stat(props: {
  title: string;
  /** Undefined while loading; `more` when only one page was counted ("25+"). */
  count: () => { value: number; more: boolean } | undefined;
  countKey: MessageKey;
  href: string;
  link: string;
  testid: string;
}) {
  return (
    <article class="card stat" data-testid={props.testid}>
      <h2>{props.title}</h2>
      <Boundary>
        <Show when={props.count()}>
          {(count) => (
            <p class="stat-value">
              <span class="stat-number">
                {formatNumber(count().value)}
                {count().more ? "+" : ""}
              </span>{" "}
              <span class="stat-label">{t(props.countKey, { count: count().value })}</span>
            </p>
          )}
        </Show>
      </Boundary>
      <A href={props.href} class={buttonClass("secondary", "sm")}>
        {props.link}
      </A>
    </article>
  );
}

/** A subcontractor's start: how much work is waiting, and the way to it. */
function SubcontractorHome() {
  const { me } = useSession();
  const mine = createAsync(() => getMine());
  const qa = createAsync(() => (me().reviewer ? getQaQueue() : Promise.resolve(undefined)));
  return (
    <>
      <div class="home-grid sub-home" data-testid="sub-home">
        <NextTaskCard />
        <TimerCard />
        <WeekCard />
        <ReturnsCard />
      </div>
      <div class="stat-grid">
        <Stat
          title={t("home.workTitle")}
          count={() => mine() && { value: mine()!.items.length, more: false }}
          countKey="home.workCount"
          href="/work"
          link={t("home.workLink")}
          testid="stat-work"
        />
        <Show when={me().reviewer}>
          <Stat
            title={t("home.qaTitle")}
            count={() => qa() && { value: qa()!.items.length, more: false }}
            countKey="home.qaCount"
            href="/qa"
            link={t("home.qaLink")}
            testid="stat-qa"
          />
        </Show>
        <article class="card stat" data-testid="stat-sops">
          <h2>{t("home.sopsTitle")}</h2>
          <p class="muted">{t("home.sopsBody")}</p>
          <A href="/sops" class={buttonClass("secondary", "sm")}>
            {t("home.sopsLink")}
          </A>
        </article>
      </div>
    </>
  );
}
