import { keyedOnParams } from "@baton/ui/keyed-routes";
import { getMe } from "@baton/ui/session";
import type { RouteDefinition } from "@solidjs/router";
import { lazy } from "solid-js";
import { getClient, getClients, getContacts, parseStatus } from "./pages/clients/data";
import { getHistory, getNotes, getRequest, getRequests, getThread, parseClientId, parseRequestStatus } from "./pages/requests/data";
import { getApiKeys } from "./pages/settings/data";
import { getSop, getSops, getSopVersions } from "./pages/sops/data";
import { getBoard, getDeadlines, getMine, getQaQueue, getTask, getWorkload, parseWeeks } from "./pages/tasks/data";
import { getMembers } from "./pages/team/data";
import { preloadInvoice, preloadInvoices, preloadNewInvoice } from "./pages/invoices/data";
import { preloadPackages } from "./pages/packages/data";
import { getSchedules } from "./pages/recurring/data";
import { preloadTime } from "./pages/time/data";
import { preloadCalendar } from "./pages/calendar/data";
import { preloadReports } from "./pages/reports/data";
import { preloadSatisfaction } from "./pages/satisfaction/data";
import { preloadNewQuote, preloadQuote, preloadQuotes } from "./pages/quotes/data";
import { Layout } from "./providers/layout";
import { OwnerOnly, ReviewersOnly } from "./providers/role";

const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

// Pages load lazily; each route's preload starts its data fetch in parallel with the code.
// /auth/verify has no preload on purpose: only the page's own POST may consume a token.
export const routes: RouteDefinition[] = keyedOnParams([
  { path: "/sign-in", component: lazy(() => import("./pages/SignIn")) },
  { path: "/auth/verify", component: lazy(() => import("./pages/Verify")) },
  // Self-serve sign-up; step 2 has no preload either: it reads its link on the page, and only the form uses it.
  { path: "/sign-up", component: lazy(() => import("./pages/signup/Start")) },
  { path: "/sign-up/details", component: lazy(() => import("./pages/signup/Details")) },
  {
    path: "/",
    component: Layout,
    preload: () => void getMe(),
    children: [
      { path: "/", component: lazy(() => import("./pages/Home")) },
      { path: "/profile", component: lazy(() => import("./pages/Profile")) },
      // Search (issue 22): any member, each finding what they may open (the API decides).
      { path: "/search", component: lazy(() => import("./pages/search")) },
      // Any member: their own work, the tasks and requests they take part in (the API decides), the SOP library.
      { path: "/work", component: lazy(() => import("./pages/work")), preload: () => void getMine() },
      // Time: a member's own timesheet (the owner picks anyone's).
      { path: "/time", component: lazy(() => import("./pages/time")), preload: ({ location }) => preloadTime(location.query) },
      // Time approval: what waits for the owner's (or a reviewer's) decision, per member and week.
      { path: "/time/approvals", component: lazy(() => import("./pages/time/Approvals")) },
      // Payouts: the owner's overview of what subcontractors are owed; a member's own statements (the API decides).
      { path: "/payouts", component: lazy(() => import("./pages/payouts")) },
      { path: "/payouts/:id", component: lazy(() => import("./pages/payouts/Detail")) },
      // The deadline calendar: the owner's of everyone, a subcontractor's of their own work.
      { path: "/calendar", component: lazy(() => import("./pages/calendar")), preload: ({ location }) => preloadCalendar(location.query) },
      { path: "/tasks/:id", component: lazy(() => import("./pages/tasks/Detail")), preload: ({ params }) => void getTask(params.id!) },
      {
        path: "/requests/:id",
        component: lazy(() => import("./pages/requests/Detail")),
        preload: ({ params }) => {
          void getRequest(params.id!);
          void getThread(params.id!);
          void getNotes(params.id!);
          void getHistory(params.id!);
        },
      },
      {
        path: "/sops",
        component: lazy(() => import("./pages/sops")),
        preload: ({ location }) => void getSops(text(location.query.q).trim(), text(location.query.category)),
      },
      {
        path: "/sops/:id",
        component: lazy(() => import("./pages/sops/Detail")),
        preload: ({ params }) => {
          void getSop(params.id!);
          void getSopVersions(params.id!);
        },
      },
      {
        path: "",
        component: ReviewersOnly,
        children: [{ path: "/qa", component: lazy(() => import("./pages/qa")), preload: () => void getQaQueue() }],
      },
      {
        path: "",
        component: OwnerOnly,
        children: [
          {
            path: "/requests",
            component: lazy(() => import("./pages/requests")),
            preload: ({ location }) => {
              const clientId = parseClientId(location.query.client);
              void getRequests(parseRequestStatus(location.query.status), clientId);
            },
          },
          // The owner files a request for a client (a service from the client's catalog, or something else).
          { path: "/requests/new", component: lazy(() => import("./pages/requests/New")) },
          {
            path: "/board",
            component: lazy(() => import("./pages/board")),
            preload: ({ location }) => void getBoard(parseClientId(location.query.client)),
          },
          { path: "/deadlines", component: lazy(() => import("./pages/deadlines")), preload: () => void getDeadlines() },
          {
            path: "/workload",
            component: lazy(() => import("./pages/workload")),
            preload: ({ location }) => void getWorkload(parseWeeks(location.query.weeks)),
          },
          { path: "/team", component: lazy(() => import("./pages/team")), preload: () => void getMembers() },
          {
            path: "/clients",
            component: lazy(() => import("./pages/clients")),
            preload: ({ location }) => void getClients(parseStatus(location.query.status)),
          },
          {
            path: "/clients/:id",
            component: lazy(() => import("./pages/clients/Detail")),
            preload: ({ params }) => {
              void getClient(params.id!);
              void getContacts(params.id!);
            },
          },
          { path: "/invoices", component: lazy(() => import("./pages/invoices")), preload: ({ location }) => preloadInvoices(location.query) },
          { path: "/invoices/new", component: lazy(() => import("./pages/invoices/New")), preload: ({ location }) => preloadNewInvoice(location.query) },
          { path: "/reports", component: lazy(() => import("./pages/reports")), preload: ({ location }) => preloadReports(location.query) },
          { path: "/satisfaction", component: lazy(() => import("./pages/satisfaction")), preload: ({ location }) => preloadSatisfaction(location.query) },
          { path: "/invoices/:id", component: lazy(() => import("./pages/invoices/Detail")), preload: ({ params }) => preloadInvoice(params.id!) },
          // The onboarding kit every new client walks: questionnaire, agreement, welcome packet.
          { path: "/onboarding", component: lazy(() => import("./pages/onboarding")) },
          // When the agency's working hours overlap a client's or a team member's, week by week.
          { path: "/planner", component: lazy(() => import("./pages/planner")) },
          { path: "/packages", component: lazy(() => import("./pages/packages")), preload: ({ location }) => preloadPackages(location.query) },
          // Quotes (issue 18, part 3): drafted from a request or blank, sent, answered in the portal.
          { path: "/quotes", component: lazy(() => import("./pages/quotes")), preload: () => preloadQuotes() },
          { path: "/quotes/new", component: lazy(() => import("./pages/quotes/New")), preload: () => preloadNewQuote() },
          { path: "/quotes/:id/edit", component: lazy(() => import("./pages/quotes/Edit")), preload: ({ params }) => preloadQuote(params.id!) },
          { path: "/quotes/:id", component: lazy(() => import("./pages/quotes/Detail")), preload: ({ params }) => preloadQuote(params.id!) },
          { path: "/recurring", component: lazy(() => import("./pages/recurring")), preload: () => void getSchedules("") },
          // Settings (issue 15): an index of sub-pages, one job each; the sidebar's Settings entry covers them all.
          { path: "/settings", component: lazy(() => import("./pages/settings")) },
          { path: "/settings/brand", component: lazy(() => import("./pages/settings/sections/Brand")) },
          { path: "/settings/hours", component: lazy(() => import("./pages/settings/sections/Hours")) },
          { path: "/settings/money", component: lazy(() => import("./pages/settings/sections/Money")) },
          { path: "/settings/surveys", component: lazy(() => import("./pages/settings/sections/Surveys")) },
          { path: "/settings/files", component: lazy(() => import("./pages/settings/sections/Files")) },
          { path: "/settings/integrations", component: lazy(() => import("./pages/settings/sections/Integrations")), preload: () => void getApiKeys() },
        ],
      },
      { path: "*", component: lazy(() => import("./pages/NotFound")) },
    ],
  },
]);
