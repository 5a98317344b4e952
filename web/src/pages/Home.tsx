import { Boundary } from "@baton/ui/Boundary";
import { buttonClass } from "@baton/ui/Button";
import { formatNumber, t } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import type { Page } from "@baton/ui/types";
import { A, createAsync } from "@solidjs/router";
import { Show } from "solid-js";
import { getClients } from "./clients/data";
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

function OwnerHome() {
  const members = createAsync(() => getMembers());
  const clients = createAsync(() => getClients(""));
  return (
    <div class="stat-grid">
      <Stat
        title={t("home.teamTitle")}
        page={members()}
        count={(page) => page.items.filter((m) => m.status !== "removed").length}
        countKey="home.teamCount"
        href="/team"
        link={t("home.teamLink")}
        testid="stat-team"
      />
      <Stat
        title={t("home.clientsTitle")}
        page={clients()}
        count={(page) => page.items.length}
        countKey="home.clientsCount"
        href="/clients"
        link={t("home.clientsLink")}
        testid="stat-clients"
      />
    </div>
  );
}

function Stat<T>(props: {
  title: string;
  page: Page<T> | undefined;
  count: (page: Page<T>) => number;
  countKey: "home.teamCount" | "home.clientsCount";
  href: string;
  link: string;
  testid: string;
}) {
  return (
    <article class="card stat" data-testid={props.testid}>
      <h2>{props.title}</h2>
      <Boundary>
        <Show when={props.page}>
          {(page) => (
            <p class="stat-value">
              {/* One page is all the summary reads; "+" says there are more. */}
              <span class="stat-number">
                {formatNumber(props.count(page()))}
                {page().cursor ? "+" : ""}
              </span>{" "}
              <span class="stat-label">{t(props.countKey, { count: props.count(page()) })}</span>
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

function SubcontractorHome() {
  return (
    <div class="card welcome">
      <h2>{t("home.subTitle")}</h2>
      <p>{t("home.subBody")}</p>
    </div>
  );
}
