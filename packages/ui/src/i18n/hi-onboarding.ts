import type { Messages } from "./en";
import type { enOnboarding } from "./en-onboarding";

// Hindi strings of client onboarding: the owner's onboarding kit (questionnaire, agreement, welcome packet), a client's progress, the portal's onboarding checklist. Part of `hi`.
export const hiOnboarding: Pick<Messages, keyof typeof enOnboarding> = {
  "nav.onboarding": "ऑनबोर्डिंग",
};
