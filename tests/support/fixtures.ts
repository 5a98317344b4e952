import { randomBytes } from "node:crypto";

/** A unique address per test, so tests sharing the SES emulator never read each other's mail. */
export const uniqueEmail = (who: string) => `${who}-${randomBytes(5).toString("hex")}@example.com`;

/** Creates an agency with its owner directly in the core (quicker than sign-up; tests/api/signup.test.ts goes through HTTP). */
export async function createAgency(name = "Test Agency") {
  const { Agency } = await import("@baton/core/agency");
  const ownerEmail = uniqueEmail("owner");
  const created = await Agency.create({
    name,
    timeZone: "Europe/London",
    currency: "GBP",
    owner: { email: ownerEmail, name: "Owner Person", timeZone: "Europe/London" },
  });
  return { ...created, ownerEmail };
}
