import { t } from "@baton/ui/i18n";
import { A, createAsync } from "@solidjs/router";
import { Show } from "solid-js";
import { getSignupMode } from "./data";
import "./signup.css";

/** "New here? Create your agency" under the sign-in form, unless sign-up is closed (or can't be asked). */
export function SignupLink() {
  const mode = createAsync(() => getSignupMode().catch(() => "closed" as const));
  return (
    <Show when={mode() && mode() !== "closed"}>
      <p class="auth-alt" data-testid="signup-link">
        {t("signup.newHere")} <A href="/sign-up">{t("signup.title")}</A>
      </p>
    </Show>
  );
}
