// English strings of the deadline calendar and calendar feeds (team app and portal). Part of `en`.
export const enCalendar = {
  "nav.calendar": "Calendar",
};
