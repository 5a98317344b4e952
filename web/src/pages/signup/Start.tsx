import { PRODUCT } from "../../product";
import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { createSubmission, Form } from "@baton/ui/Form";
import { detectLocale, t } from "@baton/ui/i18n";
import { Title } from "@baton/ui/session";
import { TextField } from "@baton/ui/TextField";
import { A, createAsync } from "@solidjs/router";
import { createSignal, Match, Show, Switch } from "solid-js";
import { getSignupMode } from "./data";
import "./signup.css";

/** Step 1 of sign-up: an address (and the invite code, when the installation asks for one) → a link by email. */
export default function SignupStart() {
  const mode = createAsync(() => getSignupMode());
  return (
    <main class="auth-page">
      <Title>{t("signup.title")}</Title>
      <div class="auth-card" data-testid="signup-start">
        <p class="auth-app">{PRODUCT}</p>
        <Boundary>
          <Switch>
            <Match when={mode() === "closed"}>
              <h1>{t("signup.closedTitle")}</h1>
              <p class="auth-intro">{t("signup.closedBody")}</p>
              <SignInInstead />
            </Match>
            <Match when={mode()}>{(current) => <StartForm invite={current() === "invite"} />}</Match>
          </Switch>
        </Boundary>
      </div>
    </main>
  );
}

function SignInInstead() {
  return (
    <p class="auth-alt">
      {t("signup.haveAccount")} <A href="/sign-in">{t("signup.signIn")}</A>
    </p>
  );
}

function StartForm(props: { invite: boolean }) {
  const [email, setEmail] = createSignal("");
  const [code, setCode] = createSignal("");
  const [sentTo, setSentTo] = createSignal<string>();
  const submission = createSubmission();

  const send = () =>
    submission.run(async () => {
      const address = email().trim();
      await api.signup.start(address, props.invite ? code().trim() : undefined, detectLocale());
      setSentTo(address);
    });

  return (
    <Show
      when={sentTo()}
      fallback={
        <>
          <h1>{t("signup.title")}</h1>
          <p class="auth-intro">{t("signup.intro")}</p>
          <Form submission={submission} onSubmit={send} aria-label={t("signup.title")}>
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
            <Show when={props.invite}>
              <TextField
                label={t("signup.inviteCode")}
                hint={t("signup.inviteCodeHint")}
                name="inviteCode"
                autocomplete="off"
                required
                value={code()}
                onValue={setCode}
                error={submission.fieldError("inviteCode")}
              />
            </Show>
            <Button type="submit" variant="primary" class="btn-block" pending={submission.pending()}>
              {t("signup.submit")}
            </Button>
          </Form>
          <SignInInstead />
        </>
      }
    >
      {(address) => (
        <div role="status" aria-live="polite">
          <h1>{t("signup.checkTitle")}</h1>
          <p>{t("signup.checkBody", { email: address() })}</p>
          <p class="muted">{t("signup.checkHint")}</p>
          <div class="form-actions form-actions-start">
            <Button onClick={() => setSentTo(undefined)}>{t("signup.differentEmail")}</Button>
          </div>
        </div>
      )}
    </Show>
  );
}
