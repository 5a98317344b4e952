import { getMe } from "@baton/ui/session";
import type { RouteDefinition } from "@solidjs/router";
import { lazy } from "solid-js";
import { getCompany } from "./pages/data";
import { Layout } from "./providers/layout";

// /auth/verify has no preload on purpose: only the page's own POST may consume a token.
export const routes: RouteDefinition[] = [
  { path: "/sign-in", component: lazy(() => import("./pages/SignIn")) },
  { path: "/auth/verify", component: lazy(() => import("./pages/Verify")) },
  {
    path: "/",
    component: Layout,
    preload: () => void getMe(),
    children: [
      { path: "/", component: lazy(() => import("./pages/Company")), preload: () => void getCompany() },
      { path: "/profile", component: lazy(() => import("./pages/Profile")) },
      { path: "*", component: lazy(() => import("./pages/NotFound")) },
    ],
  },
];
