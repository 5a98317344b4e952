import { createSignal, onCleanup, Show } from "solid-js";
import { Button } from "./Button";
import { t } from "./i18n";
import type { VaultRevealed } from "./types";

/**
 * A secret just revealed: a password or recovery codes as text to copy; an authenticator entry as
 * its current code with the seconds it has left (the seed never reaches the browser). It is kept
 * only in this component: closing it forgets it.
 */
export function VaultSecret(props: { revealed: VaultRevealed }) {
  const [left, setLeft] = createSignal(props.revealed.kind === "totp" ? props.revealed.secondsLeft : 0);
  const timer = setInterval(() => setLeft((value) => Math.max(0, value - 1)), 1000);
  onCleanup(() => clearInterval(timer));
  const [copied, setCopied] = createSignal(false);
  const text = () => (props.revealed.kind === "totp" ? props.revealed.code : props.revealed.value);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div class="vault-secret" data-testid="vault-secret">
      <Show
        when={props.revealed.kind === "totp"}
        fallback={
          <pre class="vault-secret-value" data-testid="vault-secret-value">
            {text()}
          </pre>
        }
      >
        <p class="vault-secret-code" data-testid="vault-totp-code">
          {text()}
        </p>
        <p class="muted" role="timer" aria-live="off" data-testid="vault-totp-left">
          {left() > 0 ? t("vault.totp.left", { seconds: String(left()) }) : t("vault.totp.expired")}
        </p>
      </Show>
      <Button size="sm" onClick={() => void copy()}>
        {copied() ? t("vault.copied") : t("vault.copy")}
      </Button>
    </div>
  );
}
