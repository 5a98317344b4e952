import { api } from "@baton/ui/api";
import type { ClientOnboarding, OnboardingQuestion } from "@baton/ui/types";
import { query } from "@solidjs/router";

// Keys are prefixes of each other only where revalidating together is wanted.

export const getKit = query(() => api.onboarding.kit(), "onboarding.kit");
export const getClientOnboarding = query((clientId: string) => api.onboarding.forClient(clientId), "onboarding.client");

export type QuestionKind = OnboardingQuestion["kind"];
export const questionKinds = ["text", "long_text", "choice", "multi_choice", "date", "url"] as const satisfies readonly QuestionKind[];
export const isChoice = (kind: QuestionKind) => kind === "choice" || kind === "multi_choice";

/** How many of the three steps are done. */
export const stepsDone = (onboarding: ClientOnboarding) =>
  [onboarding.steps.questionnaire.done, onboarding.steps.agreement.done, onboarding.steps.packet.done].filter(Boolean).length;
