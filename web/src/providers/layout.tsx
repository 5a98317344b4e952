import { t } from "@baton/ui/i18n";
import { SignedIn } from "@baton/ui/session";
import type { NavItem } from "@baton/ui/Shell";
import type { Me } from "@baton/ui/types";
import type { RouteSectionProps } from "@solidjs/router";

function nav(me: Me): NavItem[] {
  const items: NavItem[] = [{ href: "/", label: t("nav.home"), end: true }];
  // Owner-only areas aren't offered to subcontractors; the routes also refuse them.
  if (me.role === "owner") {
    items.push(
      { href: "/team", label: t("nav.team") },
      { href: "/clients", label: t("nav.clients") },
      { href: "/settings", label: t("nav.settings") },
    );
  }
  return items;
}

export function Layout(props: RouteSectionProps) {
  return <SignedIn {...props} appName={t("app.web")} nav={nav} />;
}
