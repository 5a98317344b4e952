// English strings of time zones: the other party's local time, the meeting planner. Part of `en`.
export const enZones = {
  "nav.planner": "Meeting planner",
};
