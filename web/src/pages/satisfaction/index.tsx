import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { EmptyState } from "@baton/ui/EmptyState";
import { t, timeZoneLabel } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { createAsync, revalidate, useSearchParams } from "@solidjs/router";
import { For, Show } from "solid-js";
import { expireOnLeave } from "../../lib/work";
import { getSummary, parseRange, type Summary } from "./data";
import { FollowUps } from "./FollowUps";
import { OverTime } from "./OverTime";
import { PerClient, PerSubcontractor } from "./People";
import { ResponseItem } from "./ResponseItem";
import { csatText, npsText, responses } from "./scores";
import "./satisfaction.css";

/** The owner's view of the feedback surveys: NPS and CSAT over time, per client and subcontractor, and the low scores to follow up. */
export default function Satisfaction() {
  const { me } = useSession();
  const [params] = useSearchParams<{ from?: string; to?: string }>();
  const range = () => parseRange(params);
  const summary = createAsync(() => getSummary(range().from, range().to));
  expireOnLeave(() => getSummary.key);

  return (
    <section class="page page-wide satisfaction">
      <Title>{t("satisfaction.title")}</Title>
      <PageHeader title={t("satisfaction.title")} intro={t("satisfaction.intro", { zone: timeZoneLabel(me().agency.timeZone) })} />
      <RangePicker summary={summary()} />
      <Boundary onRetry={() => revalidate(getSummary.key)} loadingLabel={t("satisfaction.loading")}>
        <Show when={summary()}>{(loaded) => <Report summary={loaded()} />}</Show>
      </Boundary>
    </section>
  );
}

function Report(props: { summary: Summary }) {
  const answered = () => props.summary.nps.responses + props.summary.csat.responses > 0;
  return (
    <>
      <Figures summary={props.summary} />

      <FollowUps items={props.summary.followUps} />

      <Show when={answered()} fallback={<EmptyState title={t("satisfaction.emptyTitle")}>{t("satisfaction.emptyBody")}</EmptyState>}>
        <OverTime summary={props.summary} />
        <PerClient summary={props.summary} />
        <PerSubcontractor summary={props.summary} />
        <section class="sat-section" aria-labelledby="sat-recent">
          <h2 id="sat-recent">{t("satisfaction.recent")}</h2>
          <p class="muted small">{t("satisfaction.recentIntro")}</p>
          <ul class="sat-responses">
            <For each={props.summary.recent}>{(item) => <ResponseItem item={item} />}</For>
          </ul>
        </section>
      </Show>
    </>
  );
}

/** The period's NPS and CSAT, with how many answered. */
function Figures(props: { summary: Summary }) {
  return (
    <div class="stat-grid sat-figures">
      <section class="card stat" aria-labelledby="sat-nps">
        <h2 id="sat-nps">{t("satisfaction.nps")}</h2>
        <p class="stat-value">
          <span class="stat-number" data-testid="nps-score">
            {npsText(props.summary.nps)}
          </span>
          <span class="stat-label">{responses(props.summary.nps.responses)}</span>
        </p>
        <p class="muted small">
          {t("satisfaction.npsSplit", { promoters: props.summary.nps.promoters, passives: props.summary.nps.passives, detractors: props.summary.nps.detractors })}
        </p>
        <p class="muted small">{t("satisfaction.npsHelp")}</p>
      </section>
      <section class="card stat" aria-labelledby="sat-csat">
        <h2 id="sat-csat">{t("satisfaction.csat")}</h2>
        <p class="stat-value">
          <span class="stat-number" data-testid="csat-average">
            {csatText(props.summary.csat)}
          </span>
          <span class="stat-label">{responses(props.summary.csat.responses)}</span>
        </p>
        <p class="muted small">{t("satisfaction.csatHelp")}</p>
      </section>
    </div>
  );
}

/** The months shown: from and to, and back to the default twelve. */
function RangePicker(props: { summary: Summary | undefined }) {
  const [params, setParams] = useSearchParams<{ from?: string; to?: string }>();
  const range = () => parseRange(params);
  return (
    <fieldset class="sat-range">
      <legend>{t("satisfaction.range")}</legend>
      <label>
        {t("satisfaction.from")}
        <input type="month" value={range().from || props.summary?.from || ""} onChange={(e) => setParams({ from: e.currentTarget.value || undefined })} />
      </label>
      <label>
        {t("satisfaction.to")}
        <input type="month" value={range().to || props.summary?.to || ""} onChange={(e) => setParams({ to: e.currentTarget.value || undefined })} />
      </label>
      <Show when={range().from || range().to}>
        <Button size="sm" variant="ghost" onClick={() => setParams({ from: undefined, to: undefined })}>
          {t("satisfaction.reset")}
        </Button>
      </Show>
    </fieldset>
  );
}
