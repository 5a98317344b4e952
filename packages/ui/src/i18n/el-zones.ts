import type { Messages } from "./en";
import type { enZones } from "./en-zones";

// Greek strings of time zones: the other party's local time, the meeting planner. Part of `el`.
export const elZones: Pick<Messages, keyof typeof enZones> = {
  "nav.planner": "Προγραμματιστής συναντήσεων",
};
