import type { MessageKey } from "@baton/ui/i18n";
import type { Me } from "@baton/ui/types";
import type { IconName } from "./icons";

// The team app's map: every place the menu, the phone bar and the command palette offer, grouped
// by the job it serves. One table, so the three never disagree about what exists or who sees it.

/** Who a destination is for. The routes refuse the same people (providers/role.tsx); this only hides. */
type Audience = "team" | "owner" | "reviewers";

export type Destination = {
  id: string;
  href: string;
  label: MessageKey;
  icon: IconName;
  for: Audience;
  /** Is this the page on screen? Defaults to the path itself and anything below it. */
  current?: (path: string, search: URLSearchParams) => boolean;
};

export type NavGroup = { id: string; label: MessageKey; items: Destination[] };

/** Board, deadlines and workload: three views of the same work (tabs on the pages, components/PlanningTabs). */
const planningPaths = ["/board", "/deadlines", "/workload"];

const under = (...prefixes: string[]) => (path: string) => prefixes.some((p) => path === p || path.startsWith(p + "/"));

/** The requests page shows the triage inbox unless another status is asked for. */
const inboxShown = (path: string, search: URLSearchParams) => path === "/requests" && (search.get("status") ?? "submitted") === "submitted";

export const home: Destination = { id: "home", href: "/", label: "nav.home", icon: "home", for: "team", current: (path) => path === "/" };

export const groups: NavGroup[] = [
  {
    id: "work",
    label: "nav.group.work",
    items: [
      { id: "inbox", href: "/requests", label: "nav.inbox", icon: "inbox", for: "owner", current: inboxShown },
      {
        id: "requests",
        href: "/requests?status=all",
        label: "nav.requests",
        icon: "requests",
        for: "owner",
        current: (path, search) => path.startsWith("/requests/") || (path === "/requests" && !inboxShown(path, search)),
      },
      { id: "work", href: "/work", label: "nav.work", icon: "work", for: "team", current: (path) => path === "/work" || path.startsWith("/tasks/") },
      { id: "qa", href: "/qa", label: "nav.qa", icon: "qa", for: "reviewers" },
      // Board, deadlines and workload are one entry: tabs on the pages move between them.
      { id: "board", href: "/board", label: "nav.board", icon: "board", for: "owner", current: under(...planningPaths) },
      { id: "calendar", href: "/calendar", label: "nav.calendar", icon: "calendar", for: "team" },
      { id: "planner", href: "/planner", label: "nav.planner", icon: "planner", for: "owner" },
      { id: "recurring", href: "/recurring", label: "nav.recurring", icon: "recurring", for: "owner" },
    ],
  },
  {
    id: "clients",
    label: "nav.group.clients",
    items: [
      { id: "clients", href: "/clients", label: "nav.clients", icon: "clients", for: "owner" },
      { id: "onboarding", href: "/onboarding", label: "nav.onboarding", icon: "onboarding", for: "owner" },
      // Files goes here, between onboarding and satisfaction, when its page lands.
      { id: "satisfaction", href: "/satisfaction", label: "nav.satisfaction", icon: "satisfaction", for: "owner" },
    ],
  },
  {
    id: "money",
    label: "nav.group.money",
    items: [
      { id: "time", href: "/time", label: "nav.time", icon: "time", for: "team", current: (path) => under("/time")(path) && !under("/time/approvals")(path) },
      { id: "approvals", href: "/time/approvals", label: "nav.approvals", icon: "qa", for: "reviewers" },
      { id: "payouts", href: "/payouts", label: "nav.payouts", icon: "invoices", for: "team" },
      { id: "quotes", href: "/quotes", label: "quotes.nav", icon: "invoices", for: "owner" },
      { id: "invoices", href: "/invoices", label: "nav.invoices", icon: "invoices", for: "owner" },
      { id: "packages", href: "/packages", label: "nav.packages", icon: "packages", for: "owner" },
      { id: "reports", href: "/reports", label: "nav.reports", icon: "reports", for: "owner" },
    ],
  },
  {
    id: "agency",
    label: "nav.group.agency",
    items: [
      { id: "team", href: "/team", label: "nav.team", icon: "team", for: "owner" },
      { id: "sops", href: "/sops", label: "nav.sops", icon: "sops", for: "team" },
      { id: "settings", href: "/settings", label: "nav.settings", icon: "settings", for: "owner" },
    ],
  },
];

/** Pages the palette can jump to that have no menu entry of their own. */
export const otherPages: Destination[] = [
  { id: "deadlines", href: "/deadlines", label: "deadlines.title", icon: "board", for: "owner" },
  { id: "workload", href: "/workload", label: "workload.title", icon: "board", for: "owner" },
  { id: "new-invoice", href: "/invoices/new", label: "invoices.new", icon: "invoices", for: "owner" },
  { id: "profile", href: "/profile", label: "nav.profile", icon: "profile", for: "team" },
  ...(["brand", "hours", "money", "surveys", "files", "integrations"] as const).map(
    (section): Destination => ({ id: `settings-${section}`, href: `/settings/${section}`, label: `settings.section.${section}.title`, icon: "settings", for: "owner" }),
  ),
];

export function canSee(me: Pick<Me, "role" | "reviewer">, audience: Audience): boolean {
  if (me.role === "owner") return true;
  if (audience === "reviewers") return !!me.reviewer;
  return audience === "team";
}

/** The groups as this person sees them: a subcontractor's hold only their own work, and empty groups go. */
export function groupsFor(me: Pick<Me, "role" | "reviewer">): NavGroup[] {
  return groups.map((group) => ({ ...group, items: group.items.filter((item) => canSee(me, item.for)) })).filter((group) => group.items.length > 0);
}

/** The four places a phone's bottom bar keeps at hand; the rest are behind "More". */
export function phoneBar(me: Pick<Me, "role" | "reviewer">): string[] {
  if (me.role === "owner") return ["home", "inbox", "qa", "board"];
  return me.reviewer ? ["home", "work", "qa", "time"] : ["home", "work", "time", "calendar"];
}

export function isCurrent(item: Destination, path: string, search: URLSearchParams): boolean {
  return item.current ? item.current(path, search) : under(item.href)(path);
}

export const everyDestination = (me: Pick<Me, "role" | "reviewer">): Destination[] => [
  home,
  ...groupsFor(me).flatMap((group) => group.items),
  ...otherPages.filter((page) => canSee(me, page.for)),
];
