import type { Messages } from "./en";
import type { enOnboarding } from "./en-onboarding";

// Greek strings of client onboarding: the owner's onboarding kit (questionnaire, agreement, welcome packet), a client's progress, the portal's onboarding checklist. Part of `el`.
export const elOnboarding: Pick<Messages, keyof typeof enOnboarding> = {
  "nav.onboarding": "Ένταξη",
};
