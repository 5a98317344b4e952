import { z } from "zod";

/** GET /signup: whether this installation takes sign-ups, and whether it asks for an invite code. */
export const settingsOutput = z.object({ mode: z.enum(["open", "invite", "closed"]) }).meta({ id: "SignupSettings" });

/** POST /signup/check: the address a still-usable verification link was sent to. */
export const linkOutput = z.object({ email: z.string() }).meta({ id: "SignupLink" });
