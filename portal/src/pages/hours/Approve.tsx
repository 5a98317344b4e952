import { api, isApiError } from "@baton/ui/api";
import { ErrorMessage } from "@baton/ui/ErrorMessage";
import { locale, t } from "@baton/ui/i18n";
import { Title } from "@baton/ui/session";
import { Loading } from "@baton/ui/Spinner";
import type { HourBankConsent, HourBankConsentPage } from "@baton/ui/types";
import { A, useParams } from "@solidjs/router";
import { createEffect, createSignal, Match, on, Switch } from "solid-js";
import { ApproveForm } from "./ApproveForm";
import { formatMinutes } from "@baton/ui/time";
import { monthName } from "./index";
import "../survey/survey.css";

type State =
  | { phase: "loading" }
  | { phase: "open"; page: HourBankConsentPage }
  | { phase: "done"; page: HourBankConsentPage; done: HourBankConsent }
  | { phase: "invalid" | "expired" | "used"; message: string }
  | { phase: "failed"; error: unknown };

/**
 * The page a 100 % email's "Approve more hours" link opens: no sign-in, the signed token is the
 * credential. Reading records nothing; only the form's own POST approves, once per link.
 */
export default function ApproveHours() {
  const params = useParams<{ token: string }>();
  const [state, setState] = createSignal<State>({ phase: "loading" });
  let heading: HTMLHeadingElement | undefined;

  const settle = (error: unknown): State => {
    if (!isApiError(error)) return { phase: "failed", error };
    if (error.status === 404) return { phase: "invalid", message: error.message };
    if (error.status === 410) return { phase: "expired", message: error.message };
    if (error.status === 409) return { phase: "used", message: error.message };
    return { phase: "failed", error };
  };

  async function load() {
    // A language change reloads the statement in place; only the first load shows the spinner.
    if (state().phase !== "open") setState({ phase: "loading" });
    try {
      setState({ phase: "open", page: await api.hourBank.consentPage(params.token, locale()) });
    } catch (error) {
      setState(settle(error));
    }
  }
  // Loaded again in the viewer's language when it changes (the statement is the server's).
  createEffect(on(locale, () => void load()));
  createEffect(on(() => state().phase, (phase) => phase !== "loading" && heading?.focus(), { defer: true }));

  const send = async (input: { fullName: string; minutes: number; locale: "en" | "el" | "hi" }) => {
    try {
      return await api.hourBank.approveByLink({ token: params.token, ...input });
    } catch (error) {
      // A link used (or expired) meanwhile is a page of its own; field errors stay on the form.
      if (isApiError(error) && (error.status === 409 || error.status === 410 || error.status === 404)) setState(settle(error));
      throw error;
    }
  };

  const duration = formatMinutes;

  return (
    <div class="auth-page survey-page">
      <Title>{t("portal.consent.pageTitle")}</Title>
      <main class="auth-card survey-card" data-testid="approve-hours">
        <Switch>
          <Match when={state().phase === "loading"}>
            <Loading label={t("portal.consent.loading")} />
          </Match>
          <Match when={state().phase === "open" && (state() as { page: HourBankConsentPage }).page}>
            {(page) => (
              <>
                <p class="auth-app">{page().agency}</p>
                <h1 ref={heading} tabindex="-1">
                  {t("portal.consent.pageTitle")}
                </h1>
                <p data-testid="consent-intro">
                  {t("portal.consent.intro", { used: duration(page().usedMinutes), available: duration(page().availableMinutes), month: monthName(page().period), agency: page().agency })}
                </p>
                <ApproveForm
                  maxMinutes={page().maxMinutes}
                  statement={page().text}
                  send={send}
                  onDone={(done) => setState({ phase: "done", page: page(), done })}
                />
              </>
            )}
          </Match>
          <Match when={state().phase === "done" && (state() as Extract<State, { phase: "done" }>)}>
            {(done) => (
              <>
                <p class="auth-app">{done().page.agency}</p>
                <h1 ref={heading} tabindex="-1">
                  {t("portal.consent.doneTitle")}
                </h1>
                <p class="notice notice-success" role="status" data-testid="consent-done">
                  {t("portal.consent.done", { hours: duration(done().done.minutes), month: monthName(done().done.period), agency: done().page.agency })}
                </p>
                <A href="/hours">{t("portal.consent.hoursPage")}</A>
              </>
            )}
          </Match>
          <Match when={["invalid", "expired", "used"].includes(state().phase) && (state() as { phase: "invalid" | "expired" | "used"; message: string })}>
            {(ended) => (
              <>
                <h1 ref={heading} tabindex="-1">
                  {t(ended().phase === "invalid" ? "portal.consent.invalidTitle" : ended().phase === "expired" ? "portal.consent.expiredTitle" : "portal.consent.usedTitle")}
                </h1>
                <p data-testid={`consent-${ended().phase}`}>{ended().message}</p>
                <A href="/hours">{t("portal.consent.hoursPage")}</A>
              </>
            )}
          </Match>
          <Match when={state().phase === "failed"}>
            <h1 ref={heading} tabindex="-1">
              {t("portal.consent.pageTitle")}
            </h1>
            <ErrorMessage error={(state() as { error: unknown }).error} onRetry={() => void load()} />
          </Match>
        </Switch>
      </main>
    </div>
  );
}
