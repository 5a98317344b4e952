// English strings of a subcontractor's home (issue 22 item 7). Part of `en`.
export const enSubHome = {
  "subHome.nextTitle": "Next task",
  "subHome.nextEmpty": "Nothing to start",
  "subHome.nextEmptyBody": "New work assigned to you shows here.",
  "subHome.nextReturned": "QA sent this back: see what to change.",
  "subHome.timerTitle": "Timer",
  "subHome.timerNone": "No timer is running. Start one from a task.",
  "subHome.timerLink": "Open my time",
  "subHome.weekTitle": "Hours this week",
  "subHome.weekOf": "{logged} of {capacity}",
  "subHome.weekLink": "Open my timesheet",
  "subHome.returnsTitle": "Returned by QA",
  "subHome.returnsNone": "Nothing is waiting for changes.",
} as const;
