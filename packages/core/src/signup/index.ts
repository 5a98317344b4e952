import { z } from "zod";
import { Agency } from "../agency/index.ts";
import { standardWeek } from "../business-hours/index.ts";
import { Config } from "../config/index.ts";
import { Deferred } from "../deferred/index.ts";
import { Email, type Locale } from "../email/index.ts";
import { VisibleError } from "../error/index.ts";
import { currency, email, locale, personName, timeZone } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { hasTeamAccount } from "./accounts.ts";
import { createFromLink } from "./create.ts";
import { isDisposable } from "./disposable.ts";
import { accountExists, verifyEmail } from "../email/templates/signup.ts";
import { consumeEmail, consumeIp } from "./limits.ts";
import { issue, peek } from "./links.ts";
import { assertOpen, checkInviteCode } from "./mode.ts";

// Self-serve sign-up: step 1 verifies an address by a link (start), step 2 makes the agency and
// its owner from that link (complete). Nothing is sent to anyone but the address itself until the
// agency exists, and it exists only once its owner proved the address theirs.

export * as Signup from "./index.ts";
export * from "./output.ts";
export { settings, type SignupMode } from "./mode.ts";
export { SIGNUP_LIMITS } from "./limits.ts";
export { isDisposable, DISPOSABLE_DOMAINS } from "./disposable.ts";
export { SIGNUP_LINK_MINUTES } from "./links.ts";

export const startSchema = z.strictObject({
  email,
  inviteCode: z.string({ error: "Enter your invite code." }).trim().max(200, "That invite code is too long.").optional(),
  /** The browser's language: the emails', and the owner's once the agency exists. */
  locale: locale.optional(),
});

/**
 * Step 1. Answers the same whether or not the address has an account: the lookup and the email
 * (a verification link, or "you already have an account") run after the answer in a deferred job.
 * The network's limit is charged before the invite code is judged and before any email's counter.
 */
export const start = fn(startSchema, async (input, ip?: string): Promise<void> => {
  const mode = assertOpen();
  await consumeIp(ip);
  checkInviteCode(mode, input.inviteCode);
  if (isDisposable(input.email)) {
    throw new VisibleError("validation", "signup.email_refused", "This address can't be used to create an agency.", {
      fields: { email: "This address can't be used to create an agency. Please use a permanent address." },
    });
  }
  await consumeEmail(input.email, ip);
  await sendLater({ email: input.email, locale: input.locale ?? "en" });
});

async function send({ email, locale }: { email: string; locale: Locale }): Promise<void> {
  const message = (await hasTeamAccount(email)) ? accountExists(locale, `${Config.webUrl}/sign-in`) : verifyEmail(locale, await issue(email, locale));
  await Email.send(email, message);
}

const sendLater = Deferred.define("signup.verificationEmail", send);

export const checkSchema = z.strictObject({
  token: z.string({ error: "The sign-up link is missing its token." }).min(1, "The sign-up link is missing its token.").max(200, "This sign-up link is not valid. Please start again."),
});

/** Step 2's page opens with this: the link's address, or why the link can't be used. Reading never uses it. */
export const check = fn(checkSchema, async ({ token }): Promise<{ email: string }> => {
  assertOpen();
  const link = await peek(token);
  return { email: link.email };
});

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export const completeSchema = z.strictObject({
  token: checkSchema.shape.token,
  agencyName: z
    .string({ error: "Enter the agency's name." })
    .trim()
    .min(1, "Enter the agency's name.")
    .max(120, "Keep the name under 120 characters.")
    .refine((name) => !CONTROL.test(name), "The name can't contain line breaks or control characters."),
  ownerName: personName,
  timeZone,
  currency,
  // The agency settings' own rule (at least an hour a day, each day once); Monday–Friday 09:00–17:00 when not sent.
  workingWeek: Agency.updateSchema.shape.workingWeek,
});

/** Step 2: makes the agency and its owner from the verified link. The route then signs the owner in. */
export const complete = fn(completeSchema, async (input): Promise<{ agencyId: string; memberId: string }> => {
  assertOpen();
  const { days, start: from, end } = input.workingWeek ?? standardWeek;
  return createFromLink({ ...input, workingWeek: { days: [...days], start: from, end } });
});
