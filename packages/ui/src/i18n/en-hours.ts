// English strings of response promises: the agency's working hours and holidays, time left to respond, breaches. Part of `en`.
export const enHours = {
  // Settings
  "hours.title": "Working hours",
  "hours.intro": "Response promises to clients count only these hours, in the agency's time zone ({zone}). Holidays don't count at all.",
  "hours.days": "Working days",
  "hours.start": "Day starts",
  "hours.end": "Day ends",
  "hours.endHint": "00:00 means midnight at the end of the day.",
  "hours.holidays": "Holidays",
  "hours.holidaysHint": "Days off in {zone}. At most {max}.",
  "hours.holidayDate": "Holiday date",
  "hours.addHoliday": "Add holiday",
  "hours.removeHoliday": "Remove {date}",
  "hours.noHolidays": "No holidays yet.",
  "hours.pickDate": "Choose a date first.",
  "hours.saved": "Working hours saved.",

  // Time left to respond, counted in working hours
  "hours.duration": "{hours} h {minutes} min",
  "hours.durationHours": "{hours} h",
  "hours.durationMinutes": "{minutes} min",
  "hours.left": "{time} left",
  "hours.overdueBy": "overdue by {time}",
  "hours.overdue": "overdue",
  "hours.inboxNote": "Time left counts only the agency's working hours and skips its holidays.",

  // Owner's home
  "hours.homeTitle": "Response promises this month",
  "hours.homeBreached": { one: "promise broken", other: "promises broken" },
  "hours.homeOf": { one: "of {count} request received", other: "of {count} requests received" },
  "hours.homeEmpty": "No requests received this month yet.",
  "hours.homeLink": "Open the report",
  "requests.waitingForHours": "Waiting for hours",
  "requests.waitingForHoursNote": "{client}'s hours for this month are used up and its rule is to pause new work, so this request waits here. Accepting it starts work beyond its hours: add hours on the client's page first, or wait for next month.",
  "portal.request.waitingForHours": "This request waits for hours: your hours for this month are used up, so {agency} starts new work once hours are added or the next month begins.",
};
