import { t } from "@baton/ui/i18n";
import { SignedIn } from "@baton/ui/session";
import type { NavItem } from "@baton/ui/Shell";
import type { Me } from "@baton/ui/types";
import { useLocation, type RouteSectionProps } from "@solidjs/router";
import { createMemo } from "solid-js";
import { planningPaths } from "../components/PlanningTabs";
import { useUnreadCount } from "../lib/unread";

export function Layout(props: RouteSectionProps) {
  const location = useLocation();
  // Board, deadlines and workload share one menu entry ("Planning", with tabs on the pages);
  // it points at whichever of them is open, so the menu marks it as the current page.
  const unread = useUnreadCount();
  const planning = createMemo(() => planningPaths.find((path) => location.pathname === path || location.pathname.startsWith(path + "/")) ?? "/board");

  function nav(me: Me): NavItem[] {
    const items: NavItem[] = [{ href: "/", label: t("nav.home"), end: true }];
    // Owner-only areas aren't offered to subcontractors; the routes also refuse them.
    if (me.role === "owner") {
      items.push(
        { href: "/requests", label: t("nav.requests"), count: unread() },
        // The owner does work too: tasks assigned to them.
        { href: "/work", label: t("nav.work") },
        { href: planning(), label: t("nav.planning") },
        { href: "/qa", label: t("nav.qa") },
        { href: "/time", label: t("nav.time") },
        { href: "/calendar", label: t("nav.calendar") },
        { href: "/planner", label: t("nav.planner") },
        { href: "/invoices", label: t("nav.invoices") },
        { href: "/packages", label: t("nav.packages") },
        { href: "/reports", label: t("nav.reports") },
        { href: "/satisfaction", label: t("nav.satisfaction") },
        { href: "/sops", label: t("nav.sops") },
        { href: "/team", label: t("nav.team") },
        { href: "/clients", label: t("nav.clients") },
        { href: "/onboarding", label: t("nav.onboarding") },
        { href: "/settings", label: t("nav.settings") },
      );
    } else {
      items.push({ href: "/work", label: t("nav.work"), count: unread() });
      if (me.reviewer) items.push({ href: "/qa", label: t("nav.qa") });
      items.push({ href: "/time", label: t("nav.time") });
      items.push({ href: "/calendar", label: t("nav.calendar") });
      items.push({ href: "/sops", label: t("nav.sops") });
    }
    return items;
  }

  return <SignedIn {...props} appName={t("app.web")} nav={nav} />;
}
