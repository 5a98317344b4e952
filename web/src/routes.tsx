import { getMe } from "@baton/ui/session";
import type { RouteDefinition } from "@solidjs/router";
import { lazy } from "solid-js";
import { getClient, getClients, getContacts, parseStatus } from "./pages/clients/data";
import { getApiKeys } from "./pages/settings/data";
import { getMembers } from "./pages/team/data";
import { Layout } from "./providers/layout";
import { OwnerOnly } from "./providers/role";

// Pages load lazily; each route's preload starts its data fetch in parallel with the code.
// /auth/verify has no preload on purpose: only the page's own POST may consume a token.
export const routes: RouteDefinition[] = [
  { path: "/sign-in", component: lazy(() => import("./pages/SignIn")) },
  { path: "/auth/verify", component: lazy(() => import("./pages/Verify")) },
  {
    path: "/",
    component: Layout,
    preload: () => void getMe(),
    children: [
      { path: "/", component: lazy(() => import("./pages/Home")) },
      { path: "/profile", component: lazy(() => import("./pages/Profile")) },
      {
        path: "",
        component: OwnerOnly,
        children: [
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
          { path: "/settings", component: lazy(() => import("./pages/settings")), preload: () => void getApiKeys() },
        ],
      },
      { path: "*", component: lazy(() => import("./pages/NotFound")) },
    ],
  },
];
