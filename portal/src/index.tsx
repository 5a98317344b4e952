/* @refresh reload */
import "@baton/ui/styles.css";
import "./portal.css";
import { initI18n, useCatalogs } from "@baton/ui/i18n";
import { configureApp, routerBase } from "@baton/ui/session";
import { Router } from "@solidjs/router";
import { render } from "solid-js/web";
import { Root } from "./providers";
import { routes } from "./routes";

// "/portal/" locally, "/" on its own domain (PORTAL_BASE at build time).
const base = routerBase(import.meta.env.BASE_URL);
configureApp({ app: "portal", base });
// The portal's own strings only (not the team app's); each language a lazy chunk.
useCatalogs({
  en: () => import("@baton/ui/i18n/portal-en").then((m) => m.portalEn),
  el: () => import("@baton/ui/i18n/portal-el").then((m) => m.portalEl),
  hi: () => import("@baton/ui/i18n/portal-hi").then((m) => m.portalHi),
});
void initI18n();

render(
  () => (
    <Router base={base} root={Root}>
      {routes}
    </Router>
  ),
  document.getElementById("root")!,
);
