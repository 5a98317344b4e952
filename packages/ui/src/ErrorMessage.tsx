import { For, Show, type JSX } from "solid-js";
import { isApiError } from "./api";
import { Button } from "./Button";
import { hasMessage, t } from "./i18n";

// Transport-level codes get our own (translatable) words; domain codes keep the API's message,
// which is specific ("A client already uses the code ACME") and already in the reader's language
// (the API translates it by the language the apps send).
const translatedCodes = new Set([
  "network",
  "server",
  "unauthenticated",
  "rate_limited",
  "forbidden",
  "csrf",
  "not_found",
  "conflict",
  "payload_too_large",
  "invalid_json",
  "auth.link_invalid",
  "auth.link_expired",
  "auth.link_used",
]);

/** The readable sentence for any thrown value. */
export function errorText(error: unknown): string {
  if (isApiError(error)) {
    const key = `error.${error.code}`;
    if (translatedCodes.has(error.code) && hasMessage(key)) return t(key);
    if (error.code === "validation_failed" && Object.keys(error.fields).length) return t("error.validation_failed");
    // An answer without our error body (a proxy's page): its "Request failed (502)." is not for people.
    if (error.code.startsWith("http_")) return t("error.unexpected");
    return error.message || t("error.unexpected");
  }
  return t("error.unexpected");
}

export type ErrorMessageProps = {
  error: unknown;
  /** Field messages to list here because no input on screen shows them. */
  fields?: [string, string][];
  onRetry?: () => void;
  /** Another way on than a retry (a link back), shown where the retry button would be. */
  action?: JSX.Element;
  title?: string;
};

export function ErrorMessage(props: ErrorMessageProps) {
  return (
    <Show when={props.error}>
      <div class="error-message" role="alert">
        <Show when={props.title}>
          <p class="error-title">{props.title}</p>
        </Show>
        <p>{errorText(props.error)}</p>
        <Show when={props.fields?.length}>
          <ul>
            <For each={props.fields}>
              {([name, message]) => (
                <li>
                  <strong>{name}</strong>: {message}
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={props.onRetry}>
          <Button size="sm" onClick={() => props.onRetry?.()}>
            {t("common.retry")}
          </Button>
        </Show>
        {props.action}
      </div>
    </Show>
  );
}
