import { formatMinutes } from "@baton/ui/time";
import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { createSubmission, Form, FormActions, SaveActions } from "@baton/ui/Form";
import { formatDate, intlLocale, t } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { TextArea, TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { Client, HourBank, HourBankTransparency } from "@baton/ui/types";
import { createAsync, query, revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { describePolicy, RolloverFields, rolloverValues, toPolicyInput, type RolloverValues } from "../../components/RolloverFields";
import { getRolloverPolicy } from "../settings/HourBankPolicy";
import { describeOverage, OverageFields, overageValues, toOverageInput, type OverageValues } from "../../components/OverageFields";
import { fieldError } from "../time/format";
import "./hour-bank.css";

// A retainer client's hour bank on its page: what is left, this month, a chart of recent months,
// this month's time per request, every entry, and the owner's levers (the client's own rollover
// rule, what the client sees in the portal, adjusting hours with a reason).

/** Keyed by the client's version too: a billing change (a retainer given or taken away) reads the bank again. */
export const getClientHours = query((clientId: string, _version: number) => api.hourBank.ofClient(clientId), "client.hourBank");

type Period = HourBank["periods"][number];

/** "2 h 30 min", with a minus sign for time taken away or owed. */
export const signedDuration = formatMinutes;

/** "November 2026" for "2026-11" (a calendar month: no zone to convert). */
function monthName(period: string): string {
  const [year = 1970, month = 1] = period.split("-").map(Number);
  return new Intl.DateTimeFormat(intlLocale(), { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, 15)));
}

const available = (p: Period) => p.includedMinutes + p.rolledInMinutes + Math.max(0, p.adjustedMinutes);

export function ClientHourBank(props: { client: Client }) {
  const bank = createAsync(() => getClientHours(props.client.id, props.client.version));
  const reload = () => revalidate(getClientHours.key);
  return (
    <section class="card hour-bank" aria-labelledby="hour-bank-title" data-testid="client-hour-bank">
      <h2 id="hour-bank-title">{t("bank.title")}</h2>
      <Boundary onRetry={reload}>
        <Show when={bank()}>
          {(view) => (
            <Show when={view().retainer} fallback={<p class="muted" data-testid="hour-bank-none">{t("bank.noRetainer")}</p>}>
              <Show when={view().overageState !== "ok"}>
                <p class="badge badge-warning hour-bank-state" role="status" data-testid="hour-bank-overage-state">
                  {t(view().overageState === "askFirst" ? "bank.askFirstBadge" : "bank.pausedBadge")}
                </p>
              </Show>
              <BankSummary view={view()} />
              <div class="hour-bank-controls">
                <Show when={`${view().policySource}:${JSON.stringify(view().policy)}`} keyed>
                  {(_policy: string) => <ClientPolicyForm client={props.client} view={view()} />}
                </Show>
                <Show when={`${view().overageSource}:${JSON.stringify(view().overage)}`} keyed>
                  {(_overage: string) => <ClientOverageForm client={props.client} view={view()} />}
                </Show>
                <Show when={view().transparency} keyed>
                  {(current) => <TransparencyForm client={props.client} transparency={current} />}
                </Show>
                <AdjustForm client={props.client} />
              </div>
              <Requests view={view()} />
              <Entries view={view()} />
            </Show>
          )}
        </Show>
      </Boundary>
    </section>
  );
}

function BankSummary(props: { view: HourBank }) {
  const current = () => props.view.periods.find((p) => p.period === props.view.period);
  // The chart: the last six months, oldest first, each month's use against what it had.
  const recent = () => props.view.periods.slice(0, 6).reverse();
  const scale = () => Math.max(60, ...recent().map((p) => Math.max(available(p), p.usedMinutes)));
  return (
    <div class="hour-bank-summary">
      <div>
        <p class="muted small">{t("bank.left")}</p>
        <p class="hour-bank-left" data-testid="hour-bank-left" classList={{ "hour-bank-owed": props.view.balanceMinutes < 0 }}>
          {signedDuration(props.view.balanceMinutes)}
        </p>
        <Show when={current()}>
          {(p) => (
            <>
              <h3>{t("bank.thisMonth", { month: monthName(p().period) })}</h3>
              <dl class="hour-bank-figures">
                <div><dt>{t("bank.included")}</dt><dd>{signedDuration(p().includedMinutes)}</dd></div>
                <Show when={p().rolledInMinutes}><div><dt>{t("bank.rolledIn")}</dt><dd>{signedDuration(p().rolledInMinutes)}</dd></div></Show>
                <Show when={p().adjustedMinutes}><div><dt>{t("bank.adjusted")}</dt><dd data-testid="hour-bank-adjusted">{signedDuration(p().adjustedMinutes)}</dd></div></Show>
                <div><dt>{t("bank.used")}</dt><dd data-testid="hour-bank-used">{signedDuration(p().usedMinutes)}</dd></div>
              </dl>
            </>
          )}
        </Show>
      </div>
      <figure class="hour-bank-chart" aria-labelledby="hour-bank-chart-title">
        <figcaption id="hour-bank-chart-title" class="muted small">{t("bank.chartTitle")}</figcaption>
        <ul>
          <For each={recent()}>
            {(p) => (
              <li>
                <span class="hour-bank-chart-month">{monthName(p.period)}</span>
                <span class="hour-bank-chart-track" aria-hidden="true">
                  <span class="hour-bank-chart-had" style={{ width: `${(available(p) / scale()) * 100}%` }} />
                  <span class="hour-bank-chart-used" classList={{ over: p.usedMinutes > available(p) }} style={{ width: `${(Math.min(p.usedMinutes, scale()) / scale()) * 100}%` }} />
                </span>
                <span class="hour-bank-chart-value">{t("bank.usedOf", { used: signedDuration(p.usedMinutes), had: signedDuration(available(p)) })}</span>
              </li>
            )}
          </For>
        </ul>
      </figure>
    </div>
  );
}

function ClientPolicyForm(props: { client: Client; view: HourBank }) {
  const agencyPolicy = createAsync(() => getRolloverPolicy());
  const [values, setValues] = createStore<RolloverValues>(rolloverValues(props.view.policySource === "client" ? props.view.policy : null));
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      await api.hourBank.setClientPolicy(props.client.id, toPolicyInput(values));
      await revalidate(getClientHours.key);
      toast(t("bank.policySaved"));
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("bank.policyTitle")} data-testid="client-rollover">
      <h3>{t("bank.policyTitle")}</h3>
      <p class="muted small" data-testid="client-rollover-rule">{describePolicy(props.view.policy)}</p>
      <RolloverFields values={values} set={setValues} agencyPolicy={agencyPolicy() ?? props.view.policy} prefix="policy." error={(field) => submission.fieldError(field)} />
      <SaveActions submission={submission} />
    </Form>
  );
}

function ClientOverageForm(props: { client: Client; view: HourBank }) {
  // The view's rule is the agency's unless the client has its own (no second read: a query
  // suspending here held the card's refresh after an adjustment).
  const [values, setValues] = createStore<OverageValues>(overageValues(props.view.overageSource === "client" ? props.view.overage : null));
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      await api.hourBank.setClientOverage(props.client.id, toOverageInput(values));
      await revalidate(getClientHours.key);
      toast(t("bank.overageSaved"));
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("bank.overageTitle")} data-testid="client-overage">
      <h3>{t("bank.overageTitle")}</h3>
      <p class="muted small" data-testid="client-overage-rule">{describeOverage(props.view.overage)}</p>
      <OverageFields values={values} set={setValues} agencyOverage={props.view.agencyOverage} prefix="overage." error={(field) => submission.fieldError(field)} />
      <SaveActions submission={submission} />
    </Form>
  );
}

function TransparencyForm(props: { client: Client; transparency: HourBankTransparency }) {
  const [value, setValue] = createSignal<HourBankTransparency>(props.transparency);
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      await api.hourBank.setTransparency(props.client.id, value());
      await revalidate(getClientHours.key);
      toast(t("bank.transparencySaved"));
    });
  const options = () => [
    { value: "full", label: t("bank.transparencyFull") },
    { value: "totals", label: t("bank.transparencyTotals") },
    { value: "hidden", label: t("bank.transparencyHidden") },
  ];
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("bank.transparency")} data-testid="client-transparency">
      <h3>{t("bank.transparency")}</h3>
      <Select
        label={t("bank.transparencyLabel")}
        name="transparency"
        options={options()}
        value={value()}
        onValue={(next) => setValue(next as HourBankTransparency)}
        hint={t(value() === "full" ? "bank.transparencyFullHint" : value() === "totals" ? "bank.transparencyTotalsHint" : "bank.transparencyHiddenHint")}
        error={submission.fieldError("transparency")}
      />
      <SaveActions submission={submission} />
    </Form>
  );
}

/** Hours as typed ("1.5", "-2", "−0,5") to whole minutes; undefined for anything else. */
function typedMinutes(text: string): number | undefined {
  const value = text.trim().replace("−", "-").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(value)) return undefined;
  return Math.round(Number(value) * 60);
}

function AdjustForm(props: { client: Client }) {
  const [hours, setHours] = createSignal("");
  const [reason, setReason] = createSignal("");
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      const minutes = typedMinutes(hours());
      if (minutes === undefined || minutes === 0) throw fieldError("minutes", t("bank.adjustHoursInvalid"));
      await api.hourBank.adjust(props.client.id, { minutes, reason: reason() });
      toast(t("bank.adjustedToast", { hours: signedDuration(minutes) }));
      setHours("");
      setReason("");
      await revalidate(getClientHours.key);
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("bank.adjustTitle")} data-testid="client-adjust">
      <h3>{t("bank.adjustTitle")}</h3>
      <TextField
        label={t("bank.adjustHours")}
        hint={t("bank.adjustHoursHint")}
        name="minutes"
        inputmode="decimal"
        autocomplete="off"
        required
        value={hours()}
        onValue={setHours}
        error={submission.fieldError("minutes")}
      />
      <TextArea label={t("bank.adjustReason")} hint={t("bank.adjustReasonHint")} name="reason" rows={2} maxlength={500} required value={reason()} onValue={setReason} error={submission.fieldError("reason")} />
      <FormActions>
        <Button type="submit" variant="primary" pending={submission.pending()}>
          {t("bank.adjustSubmit")}
        </Button>
      </FormActions>
    </Form>
  );
}

function Requests(props: { view: HourBank }) {
  return (
    <>
      <h3>{t("bank.requestsTitle")}</h3>
      <Show when={props.view.requests.length} fallback={<p class="muted small">{t("bank.requestsEmpty")}</p>}>
        <ul class="hour-bank-requests" data-testid="hour-bank-requests">
          <For each={props.view.requests}>
            {(request) => (
              <li>
                <span>
                  <strong>{request.reference ?? t("bank.noRequest")}</strong>
                  <Show when={request.reference}>
                    <span class="muted"> · {request.tasks.map((task) => task.title).join(", ")}</span>
                  </Show>
                </span>
                <span>{signedDuration(request.minutes)}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}

const kindLabel = (kind: HourBank["entries"][number]["kind"]): string =>
  ({
    included: t("bank.kindIncluded"),
    used: t("bank.kindUsed"),
    rolledOver: t("bank.kindRolledOver"),
    expired: t("bank.kindExpired"),
    overage: t("bank.kindOverage"),
    adjusted: t("bank.kindAdjusted"),
    closed: "",
  })[kind];

function Entries(props: { view: HourBank }) {
  // Newest month first; within a month, in the order the ledger keeps them.
  const rows = () => [...props.view.entries].sort((a, b) => b.period.localeCompare(a.period)).slice(0, 60);
  return (
    <>
      <h3>{t("bank.entriesTitle")}</h3>
      <div class="table-wrap">
        <table class="table table-stack" data-testid="hour-bank-entries">
          <thead>
            <tr>
              <th scope="col">{t("bank.colMonth")}</th>
              <th scope="col">{t("bank.colWhat")}</th>
              <th scope="col">{t("bank.colHours")}</th>
              <th scope="col">{t("bank.colReason")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(entry) => (
                <tr>
                  <td data-label={t("bank.colMonth")}>{monthName(entry.period)}</td>
                  <td data-label={t("bank.colWhat")}>
                    {kindLabel(entry.kind)}
                    <Show when={entry.kind === "adjusted" && entry.at}>
                      <span class="cell-sub"> · {formatDate(entry.at)}</span>
                    </Show>
                  </td>
                  <td data-label={t("bank.colHours")} class="num">{signedDuration(entry.minutes)}</td>
                  <td data-label={t("bank.colReason")}>{entry.reason ?? ""}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </>
  );
}
