import { NPS_AFTER_ONBOARDING_DAYS, NPS_EVERY_DAYS, SURVEY_QUIET_DAYS } from "../agency/index.ts";
import type { AgencyItem } from "../agency/entity.ts";
import { db } from "../db/index.ts";
import { isId } from "../id/index.ts";
import type { SurveyItem, SurveyKind } from "./entity.ts";
import { AgencyStore } from "../agency/store.ts";
import { Brand, type EmailBrand } from "../agency/brand/index.ts";

// The survey rules every part shares: the scales, what counts as low, how long links and
// comments stay open, and the agency's survey settings.

/** How long the score links work. */
export const LINK_DAYS = 30;
/** How long after the score a comment can be added. */
export const COMMENT_HOURS = 24;
export const SCALES = { csat: { min: 1, max: 5 }, nps: { min: 0, max: 10 } } as const satisfies Record<SurveyKind, { min: number; max: number }>;
export const DAY = 86_400_000;

/** Low scores are flagged for the owner to follow up: CSAT 1–2, NPS 0–6 (detractors). */
export const isLow = (kind: SurveyKind, score: number) => (kind === "csat" ? score <= 2 : score <= 6);

export type Settings = { name: string; npsEveryDays: number; quietDays: number; npsAfterOnboardingDays: number; timeZone: string; brand: EmailBrand | null };

export function settingsOf(agency: AgencyItem | null): Settings {
  return {
    name: agency?.brandName ?? agency?.name ?? "",
    brand: agency ? Brand.emailBrandOf(agency) : null,
    npsEveryDays: agency?.npsEveryDays ?? NPS_EVERY_DAYS,
    quietDays: agency?.surveyQuietDays ?? SURVEY_QUIET_DAYS,
    npsAfterOnboardingDays: agency?.npsAfterOnboardingDays ?? NPS_AFTER_ONBOARDING_DAYS,
    timeZone: agency?.timeZone ?? "UTC",
  };
}

/**
 * Whether a client may get an NPS check-in: not before its first completed request (there is
 * nothing yet to recommend), and not within the agency's days after it finished onboarding (or,
 * a client taken on without onboarding, after it was added). A client still onboarding waits.
 */
export function npsReady(client: { onboardedAt: string | null; hasCompletedWork: boolean }, settings: Pick<Settings, "npsAfterOnboardingDays">, now: Date): boolean {
  if (!client.hasCompletedWork || client.onboardedAt === null) return false;
  return now.getTime() - Date.parse(client.onboardedAt) >= settings.npsAfterOnboardingDays * DAY;
}

export const loadSettings = async (agencyId: string) => settingsOf((await AgencyStore.load(agencyId)));

export async function load(agencyId: string, surveyId: string): Promise<SurveyItem | null> {
  if (!isId("survey", surveyId)) return null;
  return (await db.entities.survey.get({ agencyId, surveyId }).go({ consistent: true })).data;
}
