import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { EmptyState } from "@baton/ui/EmptyState";
import { locale, t } from "@baton/ui/i18n";
import { Title, useSession } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import type { HourBank } from "@baton/ui/types";
import { createAsync, revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { ApproveForm } from "./ApproveForm";
import { formatMinutes } from "@baton/ui/time";
import { getHours } from "./data";

type Period = HourBank["periods"][number];

/** "2 h 30 min", with a minus sign for time owed. */
export const duration = formatMinutes;

/** "November 2026" for the period "2026-11" (a calendar month; no zone to convert). */
export function monthName(period: string): string {
  const [year = 1970, month = 1] = period.split("-").map(Number);
  return new Intl.DateTimeFormat(locale(), { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, 15)));
}

const available = (p: Period) => p.includedMinutes + p.rolledInMinutes + Math.max(0, p.adjustedMinutes);

/** The retainer's hours: what is left now, this month's use, where rolled-over hours go, and past months. */
export default function Hours() {
  const { me } = useSession();
  const bank = createAsync(() => getHours());
  const current = () => bank()?.periods.find((p) => p.period === bank()?.period);
  const adjustments = () => bank()?.entries.filter((entry) => entry.kind === "adjusted" && entry.period === bank()?.period) ?? [];
  const past = () => bank()?.periods.filter((p) => p.period !== bank()?.period) ?? [];
  const scale = () => Math.max(60, ...(bank()?.periods ?? []).map((p) => Math.max(available(p), p.usedMinutes)));
  return (
    <section class="page">
      <Title>{t("portal.hours.title")}</Title>
      <PageHeader title={t("portal.hours.title")} intro={t("portal.hours.intro", { agency: me().agency.name })} />
      <Boundary onRetry={() => revalidate(getHours.key)}>
        <Show when={bank()}>
          {(view) => (
            <Show when={view().retainer} fallback={<div class="card"><EmptyState title={t("portal.hours.emptyTitle")}>{t("portal.hours.emptyBody", { agency: me().agency.name })}</EmptyState></div>}>
              <div class="card" data-testid="hours-page">
                <p class="muted">{t("portal.hours.balance")}</p>
                <p class="hours-balance" data-testid="hours-balance" classList={{ "hours-owed": view().balanceMinutes < 0 }}>
                  {duration(view().balanceMinutes)}
                </p>
                <Show when={current()}>
                  {(period) => (
                    <>
                      <h2>{t("portal.hours.thisPeriod", { month: monthName(period().period) })}</h2>
                      <div
                        class="hours-meter"
                        role="meter"
                        aria-label={t("portal.hours.used")}
                        aria-valuemin={0}
                        aria-valuemax={available(period())}
                        aria-valuenow={Math.min(period().usedMinutes, available(period()))}
                      >
                        <span style={{ width: `${Math.min(100, (period().usedMinutes / Math.max(1, available(period()))) * 100)}%` }} />
                      </div>
                      <dl class="hours-figures">
                        <div><dt>{t("portal.hours.included")}</dt><dd>{duration(period().includedMinutes)}</dd></div>
                        <Show when={period().rolledInMinutes}><div><dt>{t("portal.hours.rolledIn")}</dt><dd>{duration(period().rolledInMinutes)}</dd></div></Show>
                        <Show when={period().adjustedMinutes}><div><dt>{t("portal.hours.adjusted")}</dt><dd>{duration(period().adjustedMinutes)}</dd></div></Show>
                        <div><dt>{t("portal.hours.used")}</dt><dd data-testid="hours-used">{duration(period().usedMinutes)}</dd></div>
                        <div><dt>{t("portal.hours.remaining")}</dt><dd>{duration(view().balanceMinutes)}</dd></div>
                      </dl>
                    </>
                  )}
                </Show>
                <Show when={view().transparency === "full"}>
                  <h2 class="hours-section">{t("portal.hours.requestsTitle")}</h2>
                  <Show when={view().requests.length} fallback={<p class="muted">{t("portal.hours.requestsEmpty")}</p>}>
                    <table class="hours-periods" data-testid="hours-requests">
                      <thead>
                        <tr>
                          <th scope="col">{t("portal.hours.request")}</th>
                          <th scope="col">{t("portal.hours.used")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={view().requests}>
                          {(request) => (
                            <tr>
                              <th scope="row">
                                <Show when={request.reference} fallback={t("portal.hours.otherWork")}>
                                  {(reference) => (
                                    <>
                                      <span class="hours-ref">{reference()}</span> {request.tasks.map((task) => task.title).join(", ")}
                                    </>
                                  )}
                                </Show>
                              </th>
                              <td>{duration(request.minutes)}</td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </Show>
                  <Show when={adjustments().length}>
                    <h2 class="hours-section">{t("portal.hours.adjustmentsTitle")}</h2>
                    <ul class="hours-rolled" data-testid="hours-adjustments">
                      <For each={adjustments()}>
                        {(entry) => (
                          <li>
                            {duration(entry.minutes)} · {entry.reason}
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </Show>
                <Show when={view().rolled.length}>
                  <h2>{t("portal.hours.rolledTitle")}</h2>
                  <ul class="hours-rolled">
                    <For each={view().rolled}>
                      {(chunk) => (
                        <li>
                          {chunk.usableUntil
                            ? t("portal.hours.rolledUntil", { hours: duration(chunk.minutes), from: monthName(chunk.origin), until: monthName(chunk.usableUntil) })
                            : t("portal.hours.rolledKept", { hours: duration(chunk.minutes), from: monthName(chunk.origin) })}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </div>
              <OverageCard view={view()} agency={me().agency.name} />
              <Show when={past().length}>
                <div class="card">
                  <h2>{t("portal.hours.pastTitle")}</h2>
                  <table class="hours-periods">
                    <thead>
                      <tr>
                        <th scope="col">{t("portal.hours.month")}</th>
                        <th scope="col">{t("portal.hours.included")}</th>
                        <th scope="col">{t("portal.hours.used")}</th>
                        <th scope="col">{t("portal.hours.rolledOut")}</th>
                        <th scope="col">{t("portal.hours.expired")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={past()}>
                        {(p) => (
                          <tr>
                            <th scope="row">
                              {monthName(p.period)}
                              <span class="hours-bar" aria-hidden="true"><span style={{ width: `${(Math.min(p.usedMinutes, scale()) / scale()) * 100}%` }} /></span>
                            </th>
                            <td>{duration(available(p))}</td>
                            <td>{duration(p.usedMinutes)}</td>
                            <td>{duration(p.rolledOutMinutes)}</td>
                            <td>{duration(p.expiredMinutes)}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Show>
            </Show>
          )}
        </Show>
      </Boundary>
    </section>
  );
}

/**
 * Under the agency's "ask first" rule: approve more hours than the month holds (said first when
 * none are left); under "pause", that new requests wait. Nothing under "bill".
 */
function OverageCard(props: { view: HourBank; agency: string }) {
  const [done, setDone] = createSignal<string | null>(null);
  return (
    <>
      <Show when={props.view.overageState === "paused"}>
        <p class="notice" role="status" data-testid="hours-paused">
          {t("portal.hours.pausedNote", { agency: props.agency })}
        </p>
      </Show>
      <Show when={props.view.overage.mode === "ask" && props.view.overage}>
        {(ask) => (
          <section class="card" aria-labelledby="hours-ask-title" data-testid="hours-ask">
            <h2 id="hours-ask-title">{t("portal.hours.askTitle")}</h2>
            <Show when={props.view.overageState === "askFirst"}>
              <p class="notice notice-warning" data-testid="hours-ask-needed">
                {t("portal.hours.askNeeded", { agency: props.agency })}
              </p>
            </Show>
            <p class="muted">{t("portal.hours.askIntro", { agency: props.agency, max: formatMinutes((ask() as { askMinutes: number }).askMinutes) })}</p>
            <Show when={done()}>
              {(text) => (
                <p class="notice notice-success" role="status" data-testid="hours-ask-done">
                  {text()}
                </p>
              )}
            </Show>
            <ApproveForm
              maxMinutes={(ask() as { askMinutes: number }).askMinutes}
              send={(input) => api.portal.approveHours({ ...input, availableMinutes: props.view.usage.availableMinutes })}
              onDone={(approved) => {
                setDone(t("portal.consent.done", { hours: formatMinutes(approved.minutes), month: monthName(approved.period), agency: props.agency }));
                void revalidate(getHours.key);
              }}
            />
          </section>
        )}
      </Show>
    </>
  );
}
