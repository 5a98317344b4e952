/* @refresh reload */
import "@baton/ui/styles.css";
import "./work.css";
import { initI18n } from "@baton/ui/i18n";
import { configureApp, routerBase } from "@baton/ui/session";
import { Router } from "@solidjs/router";
import { render } from "solid-js/web";
import { Root } from "./providers";
import { routes } from "./routes";
import { setAppTitle } from "@baton/ui/brand";
import { PRODUCT } from "./product";

const base = routerBase(import.meta.env.BASE_URL);
configureApp({ app: "web", base });
setAppTitle(PRODUCT);
void initI18n();

render(
  () => (
    <Router base={base} root={Root}>
      {routes}
    </Router>
  ),
  document.getElementById("root")!,
);
