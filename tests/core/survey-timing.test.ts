import { describe, expect, it } from "vitest";
import { npsReady } from "../../packages/core/src/survey/rules.ts";

// When a client may be asked "How likely are you to recommend…": not before any work is done,
// not while it is still onboarding, and not within the agency's days after it finished.

const DAY = 86_400_000;
const finished = "2026-11-01T12:00:00.000Z";
const settings = { npsAfterOnboardingDays: 30 };
const at = (days: number) => new Date(Date.parse(finished) + days * DAY);

describe("the NPS timing rule", () => {
  it("waits for the client's first completed request, however long ago it joined", () => {
    expect(npsReady({ onboardedAt: finished, hasCompletedWork: false }, settings, at(400))).toBe(false);
    expect(npsReady({ onboardedAt: finished, hasCompletedWork: true }, settings, at(400))).toBe(true);
  });

  it("waits while onboarding is under way", () => {
    expect(npsReady({ onboardedAt: null, hasCompletedWork: true }, settings, at(400))).toBe(false);
  });

  it("waits the agency's days after onboarding, to the millisecond", () => {
    expect(npsReady({ onboardedAt: finished, hasCompletedWork: true }, settings, new Date(at(30).getTime() - 1))).toBe(false);
    expect(npsReady({ onboardedAt: finished, hasCompletedWork: true }, settings, at(30))).toBe(true);
    expect(npsReady({ onboardedAt: finished, hasCompletedWork: true }, { npsAfterOnboardingDays: 0 }, at(0))).toBe(true);
  });
});
