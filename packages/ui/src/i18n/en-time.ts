// English strings of the team app's time tracking (timer, timesheets, entries). Part of `en`.
export const enTime = {
  "nav.time": "Time",
  "time.title": "Time",
} as const;
