import { buttonClass } from "@baton/ui/Button";
import { t } from "@baton/ui/i18n";
import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { useOnboardingOpen } from "./data";

/** On the portal's home, while the company's onboarding is open: a pointer to the checklist. */
export function OnboardingBanner() {
  const open = useOnboardingOpen();
  return (
    <Show when={open()}>
      <div class="notice attention-notice" data-testid="onboarding-banner">
        <span>{t("onboarding.portal.banner")}</span>
        <A href="/onboarding" class={buttonClass("primary", "sm")}>
          {t("onboarding.portal.bannerAction")}
        </A>
      </div>
    </Show>
  );
}
