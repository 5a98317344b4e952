import { t } from "@baton/ui/i18n";
import { useSession } from "@baton/ui/session";
import { createUniqueId, For, Show, type JSX } from "solid-js";
import type { NavCount } from "./counts";
import { groupsFor, home, type NavGroup } from "./destinations";
import { Icon } from "./icons";
import { NavLink } from "./NavLinks";
import { isFolded, rail, setRail, toggleFolded } from "./prefs";

export type Counts = () => Partial<Record<string, NavCount>>;

/** The desktop menu: home, then the groups, each foldable; narrowed to icons with one button. */
export function Sidebar(props: { counts: Counts; onSearch: () => void; searchHint: string; header: JSX.Element; footer: JSX.Element }) {
  const { me } = useSession();
  return (
    <aside class="sidebar" classList={{ "sidebar-rail": rail() }} data-testid="sidebar">
      {props.header}
      <div class="sidebar-tools">
        <button
          type="button"
          class="nav-tool"
          aria-label={rail() ? t("nav.expand") : t("nav.collapse")}
          title={rail() ? t("nav.expand") : t("nav.collapse")}
          onClick={() => setRail(!rail())}
        >
          <Icon name="sidebar" />
        </button>
        <button type="button" class="nav-search" onClick={() => props.onSearch()} aria-keyshortcuts="Control+K Meta+K" title={t("nav.search")}>
          <Icon name="search" />
          <span class="nav-label">{t("nav.search")}</span>
          <kbd class="nav-kbd" aria-hidden="true">
            {props.searchHint}
          </kbd>
        </button>
      </div>
      <nav class="sidebar-nav" aria-label={t("shell.nav")}>
        <ul class="nav-list">
          <li>
            <NavLink item={home} tooltip={rail()} />
          </li>
        </ul>
        <For each={groupsFor(me())}>{(group) => <Group group={group} counts={props.counts} />}</For>
      </nav>
      {props.footer}
    </aside>
  );
}

function Group(props: { group: NavGroup; counts: Counts }) {
  const id = createUniqueId();
  // Folding only applies to the full menu; the icon rail shows every entry.
  const open = () => rail() || !isFolded(props.group.id);
  const waiting = () => props.group.items.reduce((sum, item) => sum + (props.counts()[item.id]?.value ?? 0), 0);
  return (
    <div class="nav-group" data-group={props.group.id}>
      <button
        type="button"
        class="nav-group-toggle"
        id={`group-${id}`}
        aria-expanded={open()}
        aria-controls={`items-${id}`}
        onClick={() => toggleFolded(props.group.id)}
      >
        <span>{t(props.group.label)}</span>
        <Show when={!open() && waiting()}>
          <span class="nav-count nav-count-muted">
            <span aria-hidden="true">{waiting()}</span>
            <span class="sr-only">{t("nav.count.waiting", { count: waiting() })}</span>
          </span>
        </Show>
        <Icon name="chevron" class="nav-chevron" />
      </button>
      <ul class="nav-list" id={`items-${id}`} aria-labelledby={`group-${id}`} hidden={!open()}>
        <For each={props.group.items}>
          {(item) => (
            <li>
              <NavLink item={item} count={props.counts()[item.id]} tooltip={rail()} />
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
