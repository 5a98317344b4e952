import { uniqueEmail } from "./fixtures.ts";

// The API's routes as tests call them: a valid body for every route that takes one (so a test
// about something else — authorization, bad input — isn't stopped by validation first), and the
// path of each id route filled with real ids. tests/api/bad-input.test.ts checks the table
// against the app's own route list, so a new route can't be left out.

export type RouteIds = { member: string; client: string; contact: string; request: string; task: string; sop: string; entry: string; invoice: string; package: string; survey: string; file: string; quote?: string; schedule: string; endpoint?: string; vaultEntry?: string };

export type BodyRoute = {
  method: "POST" | "PATCH" | "PUT";
  path: string;
  valid: (ids: RouteIds) => Record<string, unknown>;
  wrongTypes: Record<string, unknown>;
  /** Who may call it, when not the owner: a refused caller never reaches the validators. */
  caller?: "contact" | "assignee";
};

export const bodyRoutes: BodyRoute[] = [
  { method: "POST", path: "/vault", valid: (ids) => ({ tool: "Gmail", kind: "password", secret: "route-table-secret" }), wrongTypes: { tool: 5, kind: "pin", secret: 7 }, caller: "contact" },
  { method: "POST", path: "/vault/requests", valid: (ids) => ({ clientId: ids.client, tool: "Gmail" }), wrongTypes: { clientId: 5, tool: "" } },
  { method: "PUT", path: "/vault/tasks/:taskId", valid: (ids) => ({ vaultEntryIds: [] }), wrongTypes: { vaultEntryIds: "all" } },
  { method: "PATCH", path: "/vault/:vaultEntryId", valid: (ids) => ({ version: 1 }), wrongTypes: { version: "1", tool: 5 }, caller: "contact" },
  { method: "POST", path: "/vault/:vaultEntryId/rotate", valid: (ids) => ({ version: 1, kind: "password", secret: "route-table-secret" }), wrongTypes: { version: "1", kind: "pin", secret: 7 }, caller: "contact" },
  { method: "POST", path: "/vault/:vaultEntryId/reveal", valid: (ids) => ({ reason: "Route table" }), wrongTypes: { reason: 5, taskId: 7 } },
  { method: "POST", path: "/auth/link", valid: (ids) => ({ email: uniqueEmail("x") }), wrongTypes: { email: 42 } },
  { method: "POST", path: "/auth/verify", valid: (ids) => ({ token: "x" }), wrongTypes: { token: ["x"] } },
  { method: "PATCH", path: "/me", valid: (ids) => ({ name: "Me" }), wrongTypes: { name: 1, timeZone: true, locale: "fr", messageEmails: "yes" } },
  { method: "PUT", path: "/agency/rates", valid: (ids) => ({ currency: "EUR", rate: "1.0842" }), wrongTypes: { currency: "EURO", rate: -1, date: "2026-02-30" } },
  {
    method: "POST",
    path: "/members",
    valid: (ids) => ({ email: uniqueEmail("m"), name: "M", timeZone: "UTC", weeklyCapacityHours: 10 }),
    wrongTypes: { email: "not-an-email", name: "", skills: "Design", timeZone: "Mars/Base", weeklyCapacityHours: "ten" },
  },
  { method: "PATCH", path: "/members/:memberId", valid: (ids) => ({ version: 1 }), wrongTypes: { version: "1", weeklyCapacityHours: -3 } },
  {
    method: "POST",
    path: "/clients",
    valid: (ids) => ({ name: "C", code: "CC", timeZone: "UTC", currency: "EUR" }),
    wrongTypes: { name: 5, code: "no spaces!", timeZone: 3, currency: "EURO", status: "vip", website: "ftp://x" },
  },
  { method: "PATCH", path: "/clients/:clientId", valid: (ids) => ({ version: 1 }), wrongTypes: { version: null, currency: "XXXX" } },
  {
    method: "POST",
    path: "/clients/:clientId/contacts",
    valid: (ids) => ({ email: uniqueEmail("c"), name: "C", timeZone: "UTC" }),
    wrongTypes: { email: {}, name: [], timeZone: "Nowhere" },
  },
  // A code that is not the client's: let in, but nothing is erased (tests/api/client-data.test.ts erases).
  { method: "POST", path: "/clients/:clientId/erase", valid: (ids) => ({ code: "NOT-ITS-CODE" }), wrongTypes: { code: 5 } },
  { method: "POST", path: "/api-keys", valid: (ids) => ({ name: "Key" }), wrongTypes: { name: 12 } },
  {
    method: "POST",
    path: "/requests",
    valid: (ids) => ({ clientId: ids.client, title: "T", description: "D", service: "Admin" }),
    wrongTypes: { title: "", description: 7, service: null, desiredDueDate: "2026-02-30", priority: "asap", links: ["javascript:alert(1)"], fileIds: ["not-a-file"] },
  },
  {
    method: "POST",
    path: "/requests/:requestId/accept",
    valid: (ids) => ({ version: 1, tasks: [{ title: "T", estimateHours: 1, dueAt: "2026-12-01T10:00:00Z" }] }),
    wrongTypes: { version: 0, tasks: [] },
  },
  { method: "POST", path: "/requests/:requestId/decline", valid: (ids) => ({ version: 1, reason: "No" }), wrongTypes: { version: "one", reason: "" } },
  { method: "POST", path: "/requests/:requestId/messages", valid: (ids) => ({ body: "Hi" }), wrongTypes: { body: 7, thread: "public", fileIds: "all" } },
  { method: "POST", path: "/tasks/:taskId/assign", valid: (ids) => ({ version: 1, memberId: ids.member }), wrongTypes: { version: -1, memberId: 5 } },
  { method: "POST", path: "/tasks/:taskId/checklist/:itemId", valid: (ids) => ({ version: 1, done: true }), wrongTypes: { done: "yes" } },
  { method: "POST", path: "/tasks/:taskId/submit", valid: (ids) => ({ version: 1, text: "Done" }), wrongTypes: { text: "", links: ["ftp://x"], fileIds: [5] }, caller: "assignee" },
  {
    method: "POST",
    path: "/tasks/:taskId/review",
    valid: (ids) => ({ version: 1, decision: "approve", rubric: 5 }),
    wrongTypes: { decision: "maybe", rubric: 6, clientNote: 7 },
  },
  { method: "POST", path: "/tasks/:taskId/approve", valid: (ids) => ({ version: 1 }), wrongTypes: { version: 1.5 }, caller: "contact" },
  { method: "POST", path: "/tasks/:taskId/revision", valid: (ids) => ({ version: 1, comment: "More" }), wrongTypes: { comment: 3 }, caller: "contact" },
  {
    method: "POST",
    path: "/sops",
    valid: (ids) => ({ title: "S", category: "C", body: "B" }),
    wrongTypes: { title: "", category: 1, body: null, checklist: "step" },
  },
  {
    method: "PATCH",
    path: "/sops/:sopId",
    valid: (ids) => ({ version: 1, title: "S", category: "C", body: "B", checklist: [] }),
    wrongTypes: { checklist: [""] },
  },
  { method: "PUT", path: "/sops/:sopId/tools", valid: (ids) => ({ version: 1, tools: ["Gmail"] }), wrongTypes: { version: "1", tools: "Gmail" } },
  { method: "PATCH", path: "/brand", valid: (ids) => ({ version: 1 }), wrongTypes: { version: "1", name: 5, color: "blue", replyTo: "nope", logoFileId: 7 } },
  {
    method: "PATCH",
    path: "/agency",
    valid: (ids) => ({ version: 1 }),
    wrongTypes: {
      version: "1",
      paymentInstructions: 5,
      workingWeek: { days: "1-5", start: 9, end: "17:00" },
      holidays: "2026-12-25",
      files: { maxFileMb: "big", groups: ["exe"] },
      subcontractorsWriteToClients: "yes",
    },
  },
  { method: "POST", path: "/time/timer/start", valid: (ids) => ({ taskId: ids.task }), wrongTypes: { taskId: 5, note: 7 } },
  { method: "POST", path: "/time/timer/stop", valid: (ids) => ({ billable: true }), wrongTypes: { billable: "yes" } },
  {
    method: "POST",
    path: "/time",
    valid: (ids) => ({ taskId: ids.task, startedAt: "2026-11-01T10:00:00Z", minutes: 30 }),
    wrongTypes: { minutes: 1.5, startedAt: "yesterday", billable: "no" },
  },
  { method: "PATCH", path: "/time/:entryId", valid: (ids) => ({ version: 1 }), wrongTypes: { minutes: -1, note: 3 } },
  { method: "POST", path: "/time/week/submit", valid: (ids) => ({ date: "2026-11-30" }), wrongTypes: { date: "last week" } },
  { method: "POST", path: "/time/approvals/approve", valid: (ids) => ({ entryIds: [ids.entry] }), wrongTypes: { entryIds: "all" } },
  { method: "POST", path: "/time/approvals/return", valid: (ids) => ({ entryIds: [ids.entry], note: "Split the call from the write-up." }), wrongTypes: { entryIds: [5], note: "" } },
  {
    method: "POST",
    path: "/invoices",
    valid: (ids) => ({ clientId: ids.client, includeTime: false, lines: [{ kind: "custom", description: "X", quantity: 1, unitAmount: 100 }] }),
    wrongTypes: { includeTime: "yes", lines: "x", deposit: 5, deductDeposits: "inv" },
  },
  {
    method: "POST",
    path: "/packages",
    valid: (ids) => ({ name: "Care", deliverables: ["Report"], prices: [{ currency: "EUR", amount: 50000 }] }),
    wrongTypes: { name: "", deliverables: "Report", prices: [{ currency: "EURO", amount: -1 }] },
  },
  { method: "PATCH", path: "/hour-bank/policy", valid: (ids) => ({ mode: "cap", maxMinutes: 600 }), wrongTypes: { mode: "forever" } },
  { method: "PATCH", path: "/hour-bank/clients/:clientId/policy", valid: (ids) => ({ policy: null }), wrongTypes: { policy: { mode: "expire", afterPeriods: -1 } } },
  { method: "POST", path: "/hour-bank/clients/:clientId/adjustments", valid: (ids) => ({ minutes: 30, reason: "Goodwill" }), wrongTypes: { minutes: "30", reason: 5 } },
  { method: "PATCH", path: "/hour-bank/clients/:clientId/transparency", valid: (ids) => ({ transparency: "totals" }), wrongTypes: { transparency: "everything" } },
  { method: "PATCH", path: "/hour-bank/overage", valid: (ids) => ({ mode: "ask", askMinutes: 600 }), wrongTypes: { mode: "never" } },
  { method: "PATCH", path: "/hour-bank/clients/:clientId/overage", valid: (ids) => ({ overage: null }), wrongTypes: { overage: { mode: "ask", askMinutes: -1 } } },
  // An overage consent link: the token is the credential (a valid-looking one here is simply not found).
  { method: "POST", path: "/hour-bank/consent", valid: (ids) => ({ token: "x", fullName: "Ada Client", minutes: 60 }), wrongTypes: { token: ["x"], fullName: 5, minutes: "60", locale: "fr" } },
  { method: "POST", path: "/portal/hours/consent", valid: (ids) => ({ fullName: "Ada Client", minutes: 60, availableMinutes: 0 }), wrongTypes: { fullName: 5, minutes: -1, locale: "fr", availableMinutes: "all" }, caller: "contact" },
  { method: "PATCH", path: "/packages/:packageId", valid: (ids) => ({ version: 1 }), wrongTypes: { version: "1", status: "gone", prices: [] } },
  { method: "PATCH", path: "/invoices/:invoiceId", valid: (ids) => ({ version: 1, notes: "Thank you." }), wrongTypes: { version: "1", lines: "all", paymentTermsDays: -1 } },
  { method: "POST", path: "/invoices/:invoiceId/send", valid: (ids) => ({ version: 1 }), wrongTypes: { version: "1", rate: "abc" } },
  { method: "PUT", path: "/invoices/:invoiceId/rate", valid: (ids) => ({ version: 1, rate: "1.1" }), wrongTypes: { version: "1", rate: -2 } },
  { method: "POST", path: "/invoices/:invoiceId/void", valid: (ids) => ({ version: 1 }), wrongTypes: { version: 0, reason: 5 } },
  { method: "POST", path: "/invoices/:invoiceId/credits/:paymentId/refund", valid: (ids) => ({ reference: "re_123" }), wrongTypes: { reference: 5 } },
  { method: "POST", path: "/invoices/:invoiceId/credits/:paymentId/apply", valid: (ids) => ({ invoiceId: ids.invoice }), wrongTypes: { invoiceId: 7 } },
  { method: "POST", path: "/invoices/:invoiceId/credit-notes", valid: (ids) => ({ version: 1, reason: "Goodwill", amount: 100 }), wrongTypes: { version: "1", reason: 5, amount: -1, lines: "all", currency: "EURO" } },
  { method: "POST", path: "/invoices/:invoiceId/refunds", valid: (ids) => ({ version: 1, amount: 100, method: "bank_transfer", reference: "TR-1" }), wrongTypes: { version: "1", amount: -1, method: "cheque", reference: 5 } },
  { method: "POST", path: "/invoices/:invoiceId/payments", valid: (ids) => ({ amount: 100, method: "cash" }), wrongTypes: { amount: 1.5, method: "gold" } },
  // A survey's score link: the token is the credential (a valid-looking one here is simply not found).
  { method: "POST", path: "/surveys/respond", valid: (ids) => ({ token: "x", score: 4 }), wrongTypes: { token: ["x"], score: "four" } },
  { method: "POST", path: "/surveys/respond/comment", valid: (ids) => ({ token: "x", comment: "Thanks" }), wrongTypes: { token: 5, comment: "   " } },
  { method: "POST", path: "/surveys/:surveyId/follow-up", valid: (ids) => ({ version: 1 }), wrongTypes: { version: "1", note: 7 } },
  // Client onboarding: the owner's kit (version 0 = first save), the contact's checklist.
  {
    method: "PUT",
    path: "/onboarding/kit",
    valid: (ids) => ({ version: 0, questions: [{ kind: "text", label: "Q" }], agreement: { scope: "S", deliverables: "", paymentTerms: "", confidentiality: "" }, welcomePacket: "" }),
    wrongTypes: { version: -1, questions: "x", agreement: 5, welcomePacket: 7 },
  },
  { method: "PUT", path: "/onboarding/mine/answers", valid: (ids) => ({ version: 1, answers: {}, submit: false }), wrongTypes: { version: "1", answers: "x", submit: "yes" }, caller: "contact" },
  {
    method: "POST",
    path: "/onboarding/mine/agreement",
    valid: (ids) => ({ version: 1, fullName: "Ada Client", sha256: "0".repeat(64) }),
    wrongTypes: { version: 0, fullName: "A", sha256: "abc" },
    caller: "contact",
  },
  { method: "POST", path: "/onboarding/mine/packet", valid: (ids) => ({ version: 1 }), wrongTypes: { version: "1" }, caller: "contact" },
  // Files: an upload's start (a brief for the client) and its confirm.
  {
    method: "POST",
    path: "/files",
    valid: (ids) => ({ name: "Brief.pdf", size: 1200, type: "application/pdf", place: "request", targetId: ids.client }),
    wrongTypes: { name: 5, size: "1200", type: [], place: "desk", replaces: "fil_x" },
  },
  // Sign-up (open in tests): a link that doesn't exist is let in and answered 400 by the domain.
  { method: "POST", path: "/signup/start", valid: (ids) => ({ email: uniqueEmail("new") }), wrongTypes: { email: "not-an-email", inviteCode: 5, locale: "fr" } },
  { method: "POST", path: "/signup/check", valid: (ids) => ({ token: "su.x" }), wrongTypes: { token: ["x"] } },
  {
    method: "POST",
    path: "/signup/complete",
    valid: (ids) => ({ token: "su.x", agencyName: "New Agency", ownerName: "Nia Owner", timeZone: "UTC", currency: "EUR" }),
    wrongTypes: { token: 5, agencyName: "Bad\nname", ownerName: "", timeZone: "Mars/Base", currency: "EURO", workingWeek: { days: [], start: "9", end: "17:00" } },
  },
  { method: "POST", path: "/files/:fileId/confirm", valid: (ids) => ({ parts: [] }), wrongTypes: { parts: "all" } },
  // Quotes: the owner drafts, edits and sends; the client's contact accepts or declines (a version
  // the sent quote is past, so the matrix's quote stays open).
  {
    method: "POST",
    path: "/quotes",
    valid: (ids) => ({ clientId: ids.client, title: "Q", lines: [{ kind: "custom", description: "X", quantity: 1, unitAmount: 100 }], validUntil: "2030-12-31" }),
    wrongTypes: { title: 5, lines: "x", validUntil: "2026-02-30", depositPercent: -1, terms: 7 },
  },
  {
    method: "PATCH",
    path: "/quotes/:quoteId",
    valid: (ids) => ({ version: 1, title: "Q", lines: [{ kind: "custom", description: "X", quantity: 1, unitAmount: 100 }], validUntil: "2030-12-31" }),
    wrongTypes: { version: "1", lines: [{ kind: "gift", quantity: 1 }], validUntil: "soon" },
  },
  { method: "POST", path: "/quotes/:quoteId/send", valid: (ids) => ({ version: 1 }), wrongTypes: { version: "1" } },
  { method: "POST", path: "/quotes/:quoteId/accept", valid: (ids) => ({ version: 1, fullName: "Ada Client", sha256: "0".repeat(64) }), wrongTypes: { version: 0, fullName: "A", sha256: "abc" }, caller: "contact" },
  { method: "POST", path: "/quotes/:quoteId/decline", valid: (ids) => ({ version: 1, reason: "No" }), wrongTypes: { version: "1", reason: "" }, caller: "contact" },
  { method: "POST", path: "/payouts", valid: (ids) => ({ memberId: ids.member, period: "2026-11" }), wrongTypes: { memberId: 5, period: "November" } },
  { method: "POST", path: "/payouts/:payoutId/paid", valid: (ids) => ({ method: "bank", reference: "TR-1" }), wrongTypes: { method: "cheque", reference: 5 } },
  // Recurring work (owner): a schedule, its edit, pause and resume.
  {
    method: "POST",
    path: "/schedules",
    valid: (ids) => ({ clientId: ids.client, title: "Weekly inbox", rule: "weekly", days: [1], time: "09:00", startDate: "2026-12-01" }),
    wrongTypes: { clientId: 5, title: "", rule: "yearly", days: "Mon", dayOfMonth: 32, time: "25:00", startDate: "2026-02-30", estimateHours: -1 },
  },
  { method: "PATCH", path: "/schedules/:scheduleId", valid: (ids) => ({ version: 1 }), wrongTypes: { version: "1", dayOfMonth: 0, days: [8], time: "9am" } },
  { method: "POST", path: "/schedules/:scheduleId/pause", valid: (ids) => ({ version: 1 }), wrongTypes: { version: "one" } },
  { method: "POST", path: "/schedules/:scheduleId/resume", valid: (ids) => ({ version: 1 }), wrongTypes: { version: 0 } },
  // The meeting planner: a slot proposed to a team member by email.
  {
    method: "POST",
    path: "/planner/proposals",
    valid: (ids) => ({ title: "Kick-off", start: new Date(Date.now() + 86_400_000).toISOString(), minutes: 30, members: [ids.member] }),
    wrongTypes: { title: "", start: "tomorrow", minutes: 0, members: "all", contacts: [5] },
  },
  // Outgoing webhooks (owner in person): an endpoint and its edit.
  {
    method: "POST",
    path: "/integrations/endpoints",
    valid: (ids) => ({ url: "https://hooks.example.com/baton", events: ["invoice.overdue"] }),
    wrongTypes: { url: 5, events: "all", description: 3, kind: "discord", locale: "fr", clientId: 5 },
  },
  { method: "PATCH", path: "/integrations/endpoints/:endpointId", valid: (ids) => ({ version: 1 }), wrongTypes: { version: "1", events: [5], status: "paused", url: "http://169.254.169.254/" } },
  // A REST-hook subscription (Zapier, Make).
  { method: "POST", path: "/integrations/subscriptions", valid: (ids) => ({ url: "https://hooks.example.com/zap", events: ["invoice.paid"] }), wrongTypes: { url: 5, events: "all", description: 3 } },
  { method: "PUT", path: "/portal/card/autopay", valid: (ids) => ({ version: 1, autopay: true }), wrongTypes: { version: "1", autopay: "yes" }, caller: "contact" },
  // A client's people (issue 22): a client admin's (the routes' contact is the client's first, its admin), and the owner's override.
  { method: "POST", path: "/portal/people", valid: (ids) => ({ email: uniqueEmail("colleague"), name: "Cole League", locale: "el" }), wrongTypes: { email: 5, name: [], locale: "fr", role: "boss", receivesInvoices: "yes" }, caller: "contact" },
  { method: "PATCH", path: "/portal/people/:contactId", valid: (ids) => ({ version: 1, receivesInvoices: true }), wrongTypes: { version: "1", role: "boss", receivesInvoices: "yes" }, caller: "contact" },
  { method: "PATCH", path: "/clients/:clientId/contacts/:contactId", valid: (ids) => ({ version: 1, receivesInvoices: true }), wrongTypes: { version: null, role: 5, receivesInvoices: "no" } },
];

/** Routes that change state but read no body. */
export const bodilessRoutes = [
  "POST /api/auth/sign-out",
  "POST /api/members/:memberId/invite",
  "POST /api/clients/:clientId/contacts/:contactId/invite",
  "POST /api/clients/:clientId/export",
  "POST /api/invoices/:invoiceId/checkout",
  "POST /api/calendar/feed-url",
  "POST /api/calendar/feed-url/rotate",
  "POST /api/clients/:clientId/contacts/:contactId/deactivate",
  "POST /api/clients/:clientId/contacts/:contactId/reactivate",
  "POST /api/onboarding/clients/:clientId/start",
  "POST /api/requests/:requestId/read",
  "POST /api/first-run/dismiss",
  // Stripe's signed raw body: tests/api/stripe.test.ts sends it good, tampered and replayed.
  "POST /api/webhooks/stripe",
  "POST /api/portal/card/setup",
  "POST /api/tasks/:taskId/calendar-invitation",
  "POST /api/integrations/endpoints/:endpointId/test",
  "POST /api/integrations/endpoints/:endpointId/deliveries/:deliveryId/redeliver",
];

/** A route's path with real ids. */
export const filled = (path: string, ids: RouteIds) =>
  path
    .replace(":vaultEntryId", ids.vaultEntry ?? "vlt_00000000000000000000000000")
    .replace(":memberId", ids.member)
    .replace(":clientId", ids.client)
    .replace(":contactId", ids.contact)
    .replace(":requestId", ids.request)
    .replace(":taskId", ids.task)
    .replace(":itemId", "c1")
    .replace(":currency", "EUR")
    .replace(":sopId", ids.sop)
    .replace(":entryId", ids.entry)
    .replace(":invoiceId", ids.invoice)
    .replace(":packageId", ids.package)
    .replace(":surveyId", ids.survey)
    .replace(":paymentId", "pay_none")
    .replace(":creditNoteId", "crn_01kbz0000000000000000000zz")
    .replace(":fileId", ids.file)
    .replace(":quoteId", ids.quote ?? "quo_01kbz0000000000000000000zz")
    .replace(":payoutId", "pyo_01kbz0000000000000000000zz")
    .replace(":scheduleId", ids.schedule)
    .replace(":endpointId", ids.endpoint ?? "whk_01kbz0000000000000000000zz")
    .replace(":deliveryId", "dlv_01kbz0000000000000000000zz");
