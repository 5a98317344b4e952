import { Badge } from "@baton/ui/Badge";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { Dialog } from "@baton/ui/Dialog";
import { EmptyState } from "@baton/ui/EmptyState";
import { createSubmission, Form, FormActions } from "@baton/ui/Form";
import { formatDateTime, formatNumber, intlLocale, t, timeZoneLabel } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { TextArea } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import { A, createAsync, revalidate, useSearchParams } from "@solidjs/router";
import { createSignal, For, Show, type JSX } from "solid-js";
import { expireOnLeave } from "../../lib/work";
import { followUp, getSummary, parseRange, type Csat, type Nps, type Summary, type SurveyResponse } from "./data";
import { LineChart } from "./LineChart";
import "./satisfaction.css";
import { ClientLink } from "../../components/ClientLink";

// A "YYYY-MM" month is the agency's calendar month, not an instant: format mid-month in UTC.
const month = (value: string, style: "long" | "short") => {
  const [year = 1970, m = 1] = value.split("-").map(Number);
  return new Intl.DateTimeFormat(intlLocale(), { month: style, year: style === "long" ? "numeric" : undefined, timeZone: "UTC" }).format(new Date(Date.UTC(year, m - 1, 15)));
};
const npsText = (nps: Nps) => (nps.score === null ? t("satisfaction.none") : formatNumber(nps.score, { signDisplay: "exceptZero" }));
const csatText = (csat: Csat) => (csat.average === null ? t("satisfaction.none") : formatNumber(csat.average, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
/** A table row's NPS and how many answered it; likewise CSAT. */
const NpsCells = (props: { nps: Nps }) => (
  <>
    <td class="num" data-label={t("satisfaction.nps")}>
      {npsText(props.nps)}
    </td>
    <td class="num" data-label={t("satisfaction.npsResponses")}>
      {props.nps.responses}
    </td>
  </>
);
const CsatCells = (props: { csat: Csat }) => (
  <>
    <td class="num" data-label={t("satisfaction.csat")}>
      {csatText(props.csat)}
    </td>
    <td class="num" data-label={t("satisfaction.csatResponses")}>
      {props.csat.responses}
    </td>
  </>
);
const responses = (count: number) => t("satisfaction.responses", { count });

/** The owner's view of the feedback surveys: NPS and CSAT over time, per client and subcontractor, and the low scores to follow up. */
export default function Satisfaction() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams<{ from?: string; to?: string }>();
  const range = () => parseRange(params);
  const summary = createAsync(() => getSummary(range().from, range().to));
  expireOnLeave(() => getSummary.key);

  return (
    <section class="page page-wide satisfaction">
      <Title>{t("satisfaction.title")}</Title>
      <PageHeader title={t("satisfaction.title")} intro={t("satisfaction.intro", { zone: timeZoneLabel(me().agency.timeZone) })} />
      <fieldset class="sat-range">
        <legend>{t("satisfaction.range")}</legend>
        <label>
          {t("satisfaction.from")}
          <input type="month" value={range().from || summary()?.from || ""} onChange={(e) => setParams({ from: e.currentTarget.value || undefined })} />
        </label>
        <label>
          {t("satisfaction.to")}
          <input type="month" value={range().to || summary()?.to || ""} onChange={(e) => setParams({ to: e.currentTarget.value || undefined })} />
        </label>
        <Show when={range().from || range().to}>
          <Button size="sm" variant="ghost" onClick={() => setParams({ from: undefined, to: undefined })}>
            {t("satisfaction.reset")}
          </Button>
        </Show>
      </fieldset>
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

function OverTime(props: { summary: Summary }) {
  const months = () => props.summary.months;
  const span = () => ({ from: month(props.summary.from, "long"), to: month(props.summary.to, "long") });
  const describe = (value: (m: Summary["months"][number]) => string) =>
    months()
      .map((m) => t("satisfaction.chartPoint", { month: month(m.month, "short"), value: value(m) }))
      .join(", ");
  const npsValue = (m: Summary["months"][number]) => (m.nps.score === null ? t("satisfaction.noAnswer") : npsText(m.nps));
  const csatValue = (m: Summary["months"][number]) => (m.csat.average === null ? t("satisfaction.noAnswer") : csatText(m.csat));
  const points = (value: (m: Summary["months"][number]) => number | null, text: (m: Summary["months"][number]) => string) =>
    months().map((m) => ({ key: m.month, label: month(m.month, "short"), title: `${month(m.month, "long")}: ${text(m)}`, value: value(m) }));
  return (
    <section class="sat-section" aria-labelledby="sat-time">
      <h2 id="sat-time">{t("satisfaction.overTime")}</h2>
      <div class="sat-charts">
        <div class="sat-chart-box">
          <h3>{t("satisfaction.nps")}</h3>
          <LineChart
            points={points((m) => m.nps.score, npsValue)}
            min={-100}
            max={100}
            ticks={[-100, -50, 0, 50, 100]}
            summary={t("satisfaction.npsChart", { ...span(), values: describe(npsValue) })}
            testid="nps-chart"
          />
        </div>
        <div class="sat-chart-box">
          <h3>{t("satisfaction.csat")}</h3>
          <LineChart
            points={points((m) => m.csat.average, csatValue)}
            min={1}
            max={5}
            ticks={[1, 2, 3, 4, 5]}
            summary={t("satisfaction.csatChart", { ...span(), values: describe(csatValue) })}
            testid="csat-chart"
          />
        </div>
      </div>
      <details class="sat-details">
        <summary>{t("satisfaction.byMonth")}</summary>
        <div class="table-wrap">
          <table class="table table-stack">
            <caption class="sr-only">{t("satisfaction.monthsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("satisfaction.month")}</th>
                <th scope="col" class="num">{t("satisfaction.nps")}</th>
                <th scope="col" class="num">{t("satisfaction.npsResponses")}</th>
                <th scope="col" class="num">{t("satisfaction.csat")}</th>
                <th scope="col" class="num">{t("satisfaction.csatResponses")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={months()}>
                {(m) => (
                  <tr data-testid="satisfaction-month" data-month={m.month}>
                    <th scope="row">{month(m.month, "long")}</th>
                    <NpsCells nps={m.nps} />
                    <CsatCells csat={m.csat} />
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function PerClient(props: { summary: Summary }) {
  return (
    <section class="sat-section" aria-labelledby="sat-clients">
      <h2 id="sat-clients">{t("satisfaction.clients")}</h2>
      <div class="table-wrap">
        <table class="table table-stack">
          <caption class="sr-only">{t("satisfaction.clientsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("satisfaction.client")}</th>
              <th scope="col" class="num">{t("satisfaction.nps")}</th>
              <th scope="col" class="num">{t("satisfaction.npsResponses")}</th>
              <th scope="col" class="num">{t("satisfaction.csat")}</th>
              <th scope="col" class="num">{t("satisfaction.csatResponses")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.summary.clients}>
              {(client) => (
                <tr data-testid="satisfaction-client" data-client={client.id}>
                  <th scope="row">
                    <ClientLink id={client.id} name={client.name} />
                  </th>
                  <NpsCells nps={client.nps} />
                  <CsatCells csat={client.csat} />
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}

function PerSubcontractor(props: { summary: Summary }) {
  return (
    <section class="sat-section" aria-labelledby="sat-subs">
      <h2 id="sat-subs">{t("satisfaction.subcontractors")}</h2>
      <p class="muted small">{t("satisfaction.subcontractorsIntro")}</p>
      <div class="table-wrap">
        <table class="table table-stack">
          <caption class="sr-only">{t("satisfaction.subcontractorsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("satisfaction.subcontractor")}</th>
              <th scope="col" class="num">{t("satisfaction.csat")}</th>
              <th scope="col" class="num">{t("satisfaction.csatResponses")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.summary.subcontractors}>
              {(member) => (
                <tr data-testid="satisfaction-subcontractor" data-member={member.id}>
                  <th scope="row">{member.name}</th>
                  <CsatCells csat={member.csat} />
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}

function FollowUps(props: { items: SurveyResponse[] }) {
  const [marking, setMarking] = createSignal<SurveyResponse>();
  return (
    <section class="sat-section" aria-labelledby="sat-follow-ups">
      <h2 id="sat-follow-ups">{t("satisfaction.followUps")}</h2>
      <p class="muted small">{t("satisfaction.followUpsIntro")}</p>
      <Show when={props.items.length} fallback={<p class="sat-all-clear" data-testid="follow-ups-empty">{t("satisfaction.followUpsEmpty")}</p>}>
        <ul class="sat-responses" data-testid="follow-ups">
          <For each={props.items}>
            {(item) => (
              <ResponseItem
                item={item}
                action={
                  <Button
                    size="sm"
                    aria-label={t("satisfaction.markFollowedUpNamed", { kind: kindLabel(item), score: item.score, name: item.contact.name })}
                    onClick={() => setMarking(item)}
                  >
                    {t("satisfaction.markFollowedUp")}
                  </Button>
                }
              />
            )}
          </For>
        </ul>
      </Show>
      <Dialog open={!!marking()} title={t("satisfaction.followUpTitle")} onClose={() => setMarking(undefined)}>
        <Show when={marking()}>{(item) => <FollowUpForm item={item()} onDone={() => setMarking(undefined)} />}</Show>
      </Dialog>
    </section>
  );
}

function FollowUpForm(props: { item: SurveyResponse; onDone: () => void }) {
  const [note, setNote] = createSignal("");
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      await followUp(props.item.id, { version: props.item.version, ...(note().trim() ? { note: note().trim() } : {}) });
      toast(t("satisfaction.followedUp"));
      props.onDone();
      await revalidate(getSummary.key);
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("satisfaction.followUpTitle")}>
      <TextArea
        label={t("satisfaction.followUpNote")}
        hint={t("satisfaction.followUpNoteHint")}
        name="note"
        rows={3}
        maxlength={2000}
        value={note()}
        onValue={setNote}
        error={submission.fieldError("note")}
      />
      <FormActions>
        <Button onClick={() => props.onDone()}>{t("common.cancel")}</Button>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("satisfaction.markFollowedUp")}
        </Button>
      </FormActions>
    </Form>
  );
}

const kindLabel = (item: SurveyResponse) => (item.kind === "csat" ? t("satisfaction.kindCsat") : t("satisfaction.kindNps"));

function ResponseItem(props: { item: SurveyResponse; action?: JSX.Element }) {
  const item = () => props.item;
  const max = () => (item().kind === "csat" ? 5 : 10);
  return (
    <li class="sat-response" data-testid="survey-response" data-kind={item().kind} data-score={item().score}>
      <div class="sat-response-score" classList={{ "sat-low": item().low }}>
        <span class="sat-kind">{kindLabel(item())}</span>
        <strong>{t("satisfaction.scoreOf", { score: item().score, max: max() })}</strong>
        <Show when={item().low}>
          <Badge tone="danger">{t("satisfaction.low")}</Badge>
        </Show>
      </div>
      <div class="sat-response-body">
        <p class="sat-response-who">
          {t("satisfaction.fromContact", { name: item().contact.name, client: item().client.name })}
          <span class="muted small"> · {formatDateTime(item().respondedAt)}</span>
        </p>
        <Show when={item().request}>
          {(request) => (
            <p class="small">
              <A href={`/requests/${encodeURIComponent(request().id)}`}>{t("satisfaction.about", { reference: request().reference, title: request().title })}</A>
              <Show when={item().subcontractors.length}>
                <span class="muted"> · {t("satisfaction.doneBy", { names: item().subcontractors.map((s) => s.name).join(", ") })}</span>
              </Show>
            </p>
          )}
        </Show>
        <Show when={item().comment} fallback={<p class="muted small">{t("satisfaction.noComment")}</p>}>
          <blockquote class="sat-comment">{item().comment}</blockquote>
        </Show>
        <Show when={item().followUp.status === "done"}>
          <p class="muted small">
            {t("satisfaction.followedUpBy", { name: item().followUp.by ?? "" })}
            <Show when={item().followUp.note}> — {item().followUp.note}</Show>
          </p>
        </Show>
      </div>
      <Show when={props.action}>
        <div class="sat-response-action">{props.action}</div>
      </Show>
    </li>
  );
}
