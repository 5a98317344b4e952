// English strings of client onboarding: the owner's onboarding kit (questionnaire, agreement, welcome packet), a client's progress, the portal's onboarding checklist. Part of `en`.
export const enOnboarding = {
  "nav.onboarding": "Onboarding",
};
