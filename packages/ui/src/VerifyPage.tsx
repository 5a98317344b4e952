import { A, revalidate, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, onMount, Show, type JSX } from "solid-js";
import { api, ApiError } from "./api";
import { buttonClass } from "./Button";
import { ErrorMessage } from "./ErrorMessage";
import { detectLocale, t } from "./i18n";
import { takeNext, Title } from "./session";
import { Loading } from "./Spinner";

/**
 * Consumes a magic-link token. Only this script's POST uses the token: a mail scanner or
 * link preview that merely GETs the page can't sign anyone in or burn the link.
 */
export function VerifyPage(props: { appName: string; mark?: JSX.Element }) {
  const [params] = useSearchParams<{ token?: string }>();
  const navigate = useNavigate();
  const [error, setError] = createSignal<unknown>();

  onMount(async () => {
    const token = params.token;
    if (!token) {
      setError(new ApiError(401, "auth.link_invalid", t("error.auth.link_invalid")));
      return;
    }
    try {
      // The language this browser shows: an invited person's first sign-in keeps it.
      await api.auth.verify(token, detectLocale());
      // Drop anything cached while signed out (e.g. a failed /api/me) before going in.
      await revalidate();
      navigate(takeNext(), { replace: true });
    } catch (e) {
      setError(e);
    }
  });

  return (
    <main class="auth-page">
      <Title>{t("verify.title")}</Title>
      <div class="auth-card">
        <p class="auth-app">{props.mark ?? props.appName}</p>
        <Show when={error()} fallback={<Loading label={t("verify.pending")} />}>
          <h1>{t("verify.failedTitle")}</h1>
          <ErrorMessage error={error()} />
          <A href="/sign-in" class={buttonClass("primary")}>
            {t("verify.backToSignIn")}
          </A>
        </Show>
      </div>
    </main>
  );
}
