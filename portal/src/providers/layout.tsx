import { t } from "@baton/ui/i18n";
import { SignedIn } from "@baton/ui/session";
import type { NavItem } from "@baton/ui/Shell";
import type { RouteSectionProps } from "@solidjs/router";

const nav = (): NavItem[] => [
  { href: "/", label: t("nav.company"), end: true },
  { href: "/profile", label: t("nav.profile") },
];

export function Layout(props: RouteSectionProps) {
  return <SignedIn {...props} appName={t("app.portal")} nav={nav} />;
}
