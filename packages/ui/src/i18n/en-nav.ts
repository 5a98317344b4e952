// The team app's menu, phone bar and command palette (web/src/nav). Part of `en`.
export const enNav = {
  "nav.group.work": "Work",
  "nav.group.clients": "Clients",
  "nav.group.money": "Money",
  "nav.group.agency": "Agency",
  "nav.inbox": "Inbox",
  "nav.board": "Board",
  // {n} is the number as shown ("25+" when there are more); {count} picks the plural.
  "nav.count.triage": { one: "{n} request to triage", other: "{n} requests to triage" },
  "nav.count.review": { one: "{n} deliverable to review", other: "{n} deliverables to review" },
  "nav.count.unread": { one: "{n} unread", other: "{n} unread" },
  "nav.count.waiting": { one: "{count} waiting", other: "{count} waiting" },
  "nav.collapse": "Collapse the menu",
  "nav.expand": "Expand the menu",
  "nav.search": "Jump to…",
  "nav.more": "More",
  "nav.menu": "Menu",

  "palette.title": "Jump to",
  "palette.label": "Page, client, request or task",
  "palette.placeholder": "Type a name, or a reference like ACME-1",
  "palette.pages": "Pages",
  "palette.clients": "Clients",
  "palette.requests": "Requests",
  "palette.tasks": "Tasks",
  "palette.searching": "Searching…",
  "palette.error": "Clients, requests and tasks couldn't be searched just now. Pages still work; try again in a moment.",
  "palette.none": "Nothing matches “{query}”.",
  "palette.results": { one: "{count} result", other: "{count} results" },

  // Time approval in the menu (issue 17 part 2): owner and reviewers, with the weeks waiting
  "nav.approvals": "Approvals",
  "nav.count.approval": { one: "{n} week of time to approve", other: "{n} weeks of time to approve" },
} as const;
