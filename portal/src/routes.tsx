import { keyedOnParams } from "@baton/ui/keyed-routes";
import { getMe } from "@baton/ui/session";
import type { RouteDefinition } from "@solidjs/router";
import { lazy } from "solid-js";
import { getCompany, getHistory, getMessages, getRequest, getRequests } from "./pages/data";
import { preloadInvoice, preloadInvoices } from "./pages/invoices/data";
import { Layout } from "./providers/layout";
import { getFiles } from "./pages/files/data";
import { getHours } from "./pages/hours/data";
import { preloadQuote, preloadQuotes } from "./pages/quotes/data";
import { getCard } from "./pages/card/data";
import { preloadVault } from "./pages/vault/data";
import { getPeople } from "./pages/people/data";

// Pages load lazily; each route's preload starts its data fetch in parallel with the code.
// /auth/verify has no preload on purpose: only the page's own POST may consume a token.
export const routes: RouteDefinition[] = keyedOnParams([
  { path: "/sign-in", component: lazy(() => import("./pages/SignIn")) },
  { path: "/auth/verify", component: lazy(() => import("./pages/Verify")) },
  // A feedback survey's score link: public (its signed token is the credential), no preload so
  // only the page's own POST records a score.
  { path: "/survey/:token", component: lazy(() => import("./pages/survey")) },
  // An overage consent link from the 100 % email: public (its signed token is the credential),
  // no preload, so only the page's own POST approves.
  { path: "/hours/approve/:token", component: lazy(() => import("./pages/hours/Approve")) },
  {
    path: "/",
    component: Layout,
    preload: () => void getMe(),
    children: [
      { path: "/", component: lazy(() => import("./pages/requests")), preload: () => void getRequests() },
      { path: "/requests/new", component: lazy(() => import("./pages/requests/New")) },
      {
        path: "/requests/:id",
        component: lazy(() => import("./pages/requests/Detail")),
        preload: ({ params }) => {
          void getRequest(params.id!);
          void getHistory(params.id!);
          void getMessages(params.id!);
        },
      },
      // Everything shared with the company: briefs, attachments, approved deliverables, documents.
      { path: "/files", component: lazy(() => import("./pages/files")), preload: () => void getFiles() },
      // The retainer's hour bank: balance, this month, rolled-over hours, past months.
      { path: "/hours", component: lazy(() => import("./pages/hours")), preload: () => void getHours() },
      { path: "/invoices", component: lazy(() => import("./pages/invoices")), preload: () => preloadInvoices() },
      // The saved card and autopay (with Stripe set up; the nav has no entry otherwise).
      { path: "/card", component: lazy(() => import("./pages/card")), preload: () => void getCard() },
      { path: "/invoices/:id", component: lazy(() => import("./pages/invoices/Detail")), preload: ({ params }) => preloadInvoice(params.id!) },
      // Quotes the agency sent: read, accept by typed name or decline (the quote email links here).
      { path: "/quotes", component: lazy(() => import("./pages/quotes")), preload: () => preloadQuotes() },
      { path: "/quotes/:id", component: lazy(() => import("./pages/quotes/Detail")), preload: ({ params }) => preloadQuote(params.id!) },
      // A new client's onboarding checklist: questionnaire, agreement, welcome packet.
      { path: "/onboarding", component: lazy(() => import("./pages/onboarding")) },
      // The company's logins for the agency: entries, the agency's requests for logins, the access log.
      { path: "/vault", component: lazy(() => import("./pages/vault")), preload: () => preloadVault() },
      { path: "/company", component: lazy(() => import("./pages/Company")), preload: () => void getCompany() },
      // The company's people for its admins: roles, who receives invoices, invitations (issue 22).
      { path: "/people", component: lazy(() => import("./pages/people")), preload: () => void getPeople() },
      { path: "/profile", component: lazy(() => import("./pages/Profile")) },
      // Search (issue 22): the company's own requests and invoices.
      { path: "/search", component: lazy(() => import("./pages/search")) },
      { path: "*", component: lazy(() => import("./pages/NotFound")) },
    ],
  },
]);
