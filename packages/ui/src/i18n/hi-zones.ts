import type { Messages } from "./en";
import type { enZones } from "./en-zones";

// Hindi strings of time zones: the other party's local time, the meeting planner. Part of `hi`.
export const hiZones: Pick<Messages, keyof typeof enZones> = {
  "nav.planner": "मीटिंग प्लानर",
};
