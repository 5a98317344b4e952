import type { ClientDataPart } from "../client-data/part.ts";
import { db } from "../db/index.ts";

export const onboardingPart: ClientDataPart = {
  name: "onboarding",
  export: async ({ agencyId, clientId }) => (await db.entities.clientOnboarding.get({ agencyId, clientId }).go()).data,
  erase: async ({ agencyId, clientId }) => {
    const found = (await db.entities.clientOnboarding.get({ agencyId, clientId }).go()).data;
    if (found) await db.entities.clientOnboarding.delete({ agencyId, clientId }).go();
    return { deleted: found ? 1 : 0 };
  },
};
