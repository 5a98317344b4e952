import { api } from "@baton/ui/api";
import { query } from "@solidjs/router";

/** Whether this installation takes sign-ups (a deploy setting: it doesn't change while a page is open). */
export const getSignupMode = query(() => api.signup.mode(), "signup.mode");
