import { t } from "@baton/ui/i18n";
import { SignedIn } from "@baton/ui/session";
import type { NavItem } from "@baton/ui/Shell";
import { useLocation, type RouteSectionProps } from "@solidjs/router";
import { useOnboardingOpen } from "../pages/onboarding/data";
import { useHoursShown } from "../pages/hours/data";
import { useCardsEnabled } from "../pages/card/data";
import { useManagesPeople } from "../pages/people/data";
import { useUnread } from "@baton/ui/Unread";
import { useBrand } from "@baton/ui/brand";

export function Layout(props: RouteSectionProps) {
  const location = useLocation();
  // Requests is the home page; it stays highlighted on a request's own pages too. `end` is a
  // getter so the link keeps its element (and focus) while it switches.
  const inRequests = () => /\/requests(\/|$)/.test(location.pathname);
  // A new client's checklist has its own entry while there is something left to do on it.
  const onboardingOpen = useOnboardingOpen();
  const unread = useUnread();
  // The agency may hide the hours from this company: then there is no Hours entry at all.
  const hoursShown = useHoursShown();
  // Without Stripe there are no cards: no Payment method entry.
  const cardsEnabled = useCardsEnabled();
  // A client admin manages the company's people: only they have a People entry (the API's `can`).
  const managesPeople = useManagesPeople();
  const nav = (): NavItem[] => [
    {
      href: "/",
      label: t("portal.nav.requests"),
      get end() {
        return !inRequests();
      },
      get count() {
        return unread.total();
      },
    },
    ...(onboardingOpen() ? [{ href: "/onboarding", label: t("nav.onboarding") }] : []),
    { href: "/files", label: t("nav.files") },
    ...(hoursShown() ? [{ href: "/hours", label: t("portal.nav.hours") }] : []),
    { href: "/quotes", label: t("quotes.nav") },
    { href: "/invoices", label: t("portal.nav.invoices") },
    { href: "/vault", label: t("vault.nav") },
    ...(cardsEnabled() ? [{ href: "/card", label: t("portal.nav.card") }] : []),
    { href: "/company", label: t("nav.company") },
    ...(managesPeople() ? [{ href: "/people", label: t("people.nav") }] : []),
    { href: "/profile", label: t("nav.profile") },
    { href: "/search", label: t("search.nav") },
  ];
  const brand = useBrand();
  return <SignedIn {...props} appName={brand()?.title ?? t("app.portal")} brandName={brand()?.name} logoUrl={brand()?.logoUrl} nav={nav} />;
}
