import type { Plural } from "./en";

// English strings of the team app's work pipeline (requests, tasks, SOPs, QA). Part of `en`.
export const enWork = {
  "nav.requests": "Requests",
} satisfies Record<string, string | Plural>;
