import { PRODUCT } from "../../product";
import { api, ApiError } from "@baton/ui/api";
import { Button, buttonClass } from "@baton/ui/Button";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { createSubmission, Form } from "@baton/ui/Form";
import { browserTimeZone, intlLocale, t } from "@baton/ui/i18n";
import { CurrencySelect, TimeZoneSelect } from "@baton/ui/Select";
import { Title } from "@baton/ui/session";
import { Loading } from "@baton/ui/Spinner";
import { TextField } from "@baton/ui/TextField";
import { A, revalidate, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, createUniqueId, For, onMount, Show } from "solid-js";
import "./signup.css";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** "Monday" for ISO weekday 1, in the viewer's language (1 January 2024 was a Monday). */
const weekdayName = (day: number) => new Intl.DateTimeFormat(intlLocale(), { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2024, 0, day));
// A time input can't say 24:00; an end of 00:00 can only mean the midnight that ends the day.
const endForApi = (end: string) => (end === "00:00" ? "24:00" : end);

/** A currency to start from: the one of the browser's region, if Intl knows it; else USD. */
function regionCurrency(): string {
  const region = new Intl.Locale(navigator.language || "en-US").maximize().region;
  const byRegion: Record<string, string> = { GB: "GBP", US: "USD", IN: "INR", GR: "EUR", CY: "EUR", AU: "AUD", CA: "CAD", JP: "JPY", NZ: "NZD", PH: "PHP", ZA: "ZAR", SG: "SGD" };
  const euro = ["AT", "BE", "DE", "EE", "ES", "FI", "FR", "HR", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PT", "SI", "SK"];
  return (region && (byRegion[region] ?? (euro.includes(region) ? "EUR" : undefined))) ?? "USD";
}

/**
 * Step 2 of sign-up, opened from the emailed link. The page only reads the link (a mail scanner
 * that opens it uses nothing); pressing "Create agency" uses it, makes the agency and signs in.
 */
export default function SignupDetails() {
  const [params] = useSearchParams<{ token?: string }>();
  const [email, setEmail] = createSignal<string>();
  const [failed, setFailed] = createSignal<unknown>();

  onMount(async () => {
    try {
      // Without a token the API still says, in the reader's language, that the link is not valid.
      setEmail((await api.signup.check(params.token || "missing")).email);
    } catch (error) {
      setFailed(error);
    }
  });

  return (
    <main class="auth-page">
      <Title>{t("signup.detailsTitle")}</Title>
      <div class="auth-card signup-details" data-testid="signup-details">
        <p class="auth-app">{PRODUCT}</p>
        <Show when={!failed()} fallback={<LinkFailed error={failed()} />}>
          <Show when={email()} fallback={<Loading label={t("signup.checking")} />}>
            {(address) => <DetailsForm token={params.token!} email={address()} onLinkFailed={setFailed} />}
          </Show>
        </Show>
      </div>
    </main>
  );
}

function LinkFailed(props: { error: unknown }) {
  return (
    <>
      <h1>{t("signup.linkFailedTitle")}</h1>
      <ErrorMessage error={props.error} />
      <div class="form-actions form-actions-start">
        <A href="/sign-up" class={buttonClass("primary")}>
          {t("signup.startAgain")}
        </A>
        <A href="/sign-in" class={buttonClass("secondary")}>
          {t("signup.signIn")}
        </A>
      </div>
    </>
  );
}

function DetailsForm(props: { token: string; email: string; onLinkFailed: (error: unknown) => void }) {
  const navigate = useNavigate();
  const id = createUniqueId();
  const [agencyName, setAgencyName] = createSignal("");
  const [ownerName, setOwnerName] = createSignal("");
  const [timeZone, setTimeZone] = createSignal(browserTimeZone());
  const [currency, setCurrency] = createSignal(regionCurrency());
  const [days, setDays] = createSignal<number[]>([1, 2, 3, 4, 5]);
  const [start, setStart] = createSignal("09:00");
  const [end, setEnd] = createSignal("17:00");
  const submission = createSubmission();

  const toggle = (day: number, on: boolean) => setDays((current) => (on ? [...new Set([...current, day])].sort() : current.filter((d) => d !== day)));

  const create = () =>
    submission.run(async () => {
      try {
        await api.signup.complete(props.token, {
          agencyName: agencyName(),
          ownerName: ownerName(),
          timeZone: timeZone(),
          currency: currency(),
          workingWeek: { days: days(), start: start(), end: endForApi(end()) },
        });
      } catch (error) {
        // A link used or expired meanwhile: nothing on this form can fix it.
        if (error instanceof ApiError && error.code.startsWith("signup.link_")) return props.onLinkFailed(error);
        throw error;
      }
      // Drop anything cached while signed out before going in.
      await revalidate();
      navigate("/", { replace: true });
    });

  const daysError = () => submission.fieldError("workingWeek.days");

  return (
    <>
      <h1>{t("signup.detailsTitle")}</h1>
      <p class="auth-intro">{t("signup.detailsIntro", { email: props.email })}</p>
      <Form submission={submission} onSubmit={create} aria-label={t("signup.detailsTitle")}>
        <TextField label={t("signup.agencyName")} name="agencyName" required maxLength={120} value={agencyName()} onValue={setAgencyName} error={submission.fieldError("agencyName")} />
        <TextField label={t("signup.ownerName")} name="ownerName" autocomplete="name" required maxLength={120} value={ownerName()} onValue={setOwnerName} error={submission.fieldError("ownerName")} />
        <div class="field-row">
          <TimeZoneSelect name="timeZone" hint={t("signup.timeZoneHint")} value={timeZone()} onValue={setTimeZone} error={submission.fieldError("timeZone")} />
          <CurrencySelect name="currency" hint={t("signup.currencyHint")} value={currency()} onValue={setCurrency} error={submission.fieldError("currency")} />
        </div>
        <fieldset class="check-group" name="workingWeek" aria-describedby={daysError() ? `${id}-days-error` : undefined}>
          <legend class="field-label">{t("hours.days")}</legend>
          <div class="check-row">
            <For each={WEEKDAYS}>
              {(day) => (
                <label class="check">
                  <input
                    type="checkbox"
                    name="workingDays"
                    value={day}
                    checked={days().includes(day)}
                    aria-invalid={daysError() ? "true" : undefined}
                    onChange={(e) => toggle(day, e.currentTarget.checked)}
                  />
                  <span>{weekdayName(day)}</span>
                </label>
              )}
            </For>
          </div>
          <Show when={daysError()}>
            <p class="field-error" id={`${id}-days-error`}>
              {daysError()}
            </p>
          </Show>
        </fieldset>
        <div class="field-row">
          <TextField label={t("hours.start")} name="workingWeek.start" type="time" required value={start()} onValue={setStart} error={submission.fieldError("workingWeek.start")} />
          <TextField label={t("hours.end")} hint={t("hours.endHint")} name="workingWeek.end" type="time" required value={end()} onValue={setEnd} error={submission.fieldError("workingWeek.end")} />
        </div>
        <Button type="submit" variant="primary" class="btn-block" pending={submission.pending()}>
          {t("signup.create")}
        </Button>
      </Form>
    </>
  );
}
