import { useSearchParams } from "@solidjs/router";
import { createSignal, Show, type JSX } from "solid-js";
import { api } from "./api";
import { Button } from "./Button";
import { createSubmission, Form } from "./Form";
import { t } from "./i18n";
import { rememberNext, Title } from "./session";
import { TextField } from "./TextField";

/** `mark`: the agency's logo or name in place of the app's name; `welcome`: the agency's own words; `footer`: below the form (the team app's way to sign up). */
export type SignInPageProps = { appName: string; intro: string; mark?: JSX.Element; welcome?: string | null | undefined; footer?: JSX.Element };

/** Email → magic link. The API answers the same whether or not the address is known. */
export function SignInPage(props: SignInPageProps) {
  const [params] = useSearchParams<{ email?: string; next?: string; signedOut?: string }>();
  const [email, setEmail] = createSignal(params.email ?? "");
  const [sentTo, setSentTo] = createSignal<string>();
  const submission = createSubmission();

  const send = () =>
    submission.run(async () => {
      const address = email().trim();
      if (params.next) rememberNext(params.next);
      await api.auth.link(address);
      setSentTo(address);
    });

  return (
    <main class="auth-page">
      <Title>{t("signIn.title")}</Title>
      <div class="auth-card">
        <p class="auth-app">{props.mark ?? props.appName}</p>
        <Show
          when={sentTo()}
          fallback={
            <>
              <h1>{t("signIn.title")}</h1>
              <Show when={props.welcome}>
                <p class="auth-intro brand-welcome" data-testid="brand-welcome">
                  {props.welcome}
                </p>
              </Show>
              <p class="auth-intro">{props.intro}</p>
              <Show when={params.signedOut}>
                <p class="notice" role="status">
                  {t("signIn.signedOut")}
                </p>
              </Show>
              <Show when={params.next && !params.signedOut}>
                <p class="notice" role="status">
                  {t("signIn.needed")}
                </p>
              </Show>
              <Form submission={submission} onSubmit={send} aria-label={t("signIn.title")}>
                <TextField
                  label={t("field.email")}
                  name="email"
                  type="email"
                  autocomplete="email"
                  required
                  value={email()}
                  onValue={setEmail}
                  error={submission.fieldError("email")}
                />
                <Button type="submit" variant="primary" class="btn-block" pending={submission.pending()}>
                  {t("signIn.submit")}
                </Button>
              </Form>
              {props.footer}
            </>
          }
        >
          {(address) => (
            <div role="status" aria-live="polite">
              <h1>{t("signIn.checkTitle")}</h1>
              <p>{t("signIn.checkBody", { email: address() })}</p>
              <p class="muted">{t("signIn.checkHint")}</p>
              <p class="muted small">{t("signIn.noEmailHint")}</p>
              <div class="form-actions form-actions-start">
                <Button onClick={() => setSentTo(undefined)}>{t("signIn.differentEmail")}</Button>
                <Button variant="ghost" pending={submission.pending()} onClick={send}>
                  {t("signIn.resend")}
                </Button>
              </div>
            </div>
          )}
        </Show>
      </div>
    </main>
  );
}
