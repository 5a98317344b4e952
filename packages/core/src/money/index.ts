export * as Money from "./index.ts";

// Money is an integer count of the currency's minor unit with an ISO 4217 code. The rules live in
// the kernel (@baton/kernel/money), which the apps import too; here they keep the `Money` namespace.

import type { Money as Amount } from "@baton/kernel/money";

export type Money = Amount;

export {
  billedMinutes,
  divideRounded,
  EXACT_MINUTE,
  format,
  forMinutes,
  INCREMENT_ROUNDINGS,
  INCREMENT_STEPS,
  incrementOf,
  MAX_INPUT_MINOR,
  MAX_MINIMUM_MINUTES,
  MAX_MINOR,
  minorDigits,
  mulDivRounded,
  parseMajor,
  percentOf,
  toMajorString,
  type BillingIncrement,
  type IncrementRounding,
  type IncrementStep,
} from "@baton/kernel/money";

// Exchange rates kept by the owner, and converting at them (convert.ts).
export { compareRates, convert, MAX_RATE, MIN_RATE, normalizeRate, RATE_DECIMALS, rateProblem } from "./convert.ts";
