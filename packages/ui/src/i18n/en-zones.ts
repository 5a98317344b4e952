// English strings of time zones: the other party's local time, the meeting planner. Part of `en`.
export const enZones = {
  "nav.planner": "Meeting planner",

  // Beside a time the viewer reads in their own zone
  "zones.timeFor": "{time} for {name} ({zone})",
  "zones.timeIn": "{time} in {zone}",

  // The meeting planner (team app, owner)
  "planner.title": "Meeting planner",
  "planner.intro": "When the agency and a client or a team member are both at work, day by day. Times are in your zone, {zone}, with theirs beside.",
  "planner.assumedHours":
    "Clients and team members have no working hours of their own here, so the planner takes 09:00–17:00, Monday to Friday, in their time zone. The agency's hours and holidays are those in Settings.",
  "planner.who": "Who are you meeting?",
  "planner.client": "Client",
  "planner.member": "Team member",
  "planner.chooseClient": "Choose a client",
  "planner.chooseMember": "Choose a team member",
  "planner.pickTitle": "Choose who you are meeting",
  "planner.pickBody": "Pick a client or a team member to see when your working hours overlap in a week.",
  "planner.weekNav": "Choose the week",
  "planner.previous": "Previous week",
  "planner.next": "Next week",
  "planner.thisWeek": "This week",
  "planner.weekOf": "Week of",
  "planner.weekHeading": "Week of {date}",
  "planner.grid": "Working hours in the week of {date}, in {zone}",
  "planner.day": "Day",
  "planner.agencyColumn": "Agency: {name} ({zone})",
  "planner.bothColumn": "Both working",
  "planner.notWorking": "Not working",
  "planner.noShared": "No shared hours",
  "planner.range": "{start}–{end}",
  "planner.total": "Overlap this week: {hours}",
  "planner.noOverlapTitle": "No shared working hours this week",
  "planner.noOverlapBody": "The agency's hours and {name}'s don't meet in this week. Try another week, or agree a time outside someone's usual hours.",
  "planner.clockChange": "The clocks change this week in {zones}; the hours below already follow the change.",
  "planner.unknownPerson": "That client or team member is not in the list any more. Choose again.",
};
