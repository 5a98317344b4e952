import { Dialog } from "@baton/ui/Dialog";
import { t } from "@baton/ui/i18n";
import { useSession } from "@baton/ui/session";
import { useLocation } from "@solidjs/router";
import { createEffect, For, on, type JSX } from "solid-js";
import type { Counts } from "./Sidebar";
import { everyDestination, groupsFor, home, phoneBar } from "./destinations";
import { Icon } from "./icons";
import { NavLink, useIsCurrent } from "./NavLinks";

/** Phones: the four most used places along the bottom, and "More" for every other one. */
export function BottomBar(props: { counts: Counts; menuOpen: boolean; onMenu: () => void }) {
  const { me } = useSession();
  const current = useIsCurrent();
  const kept = () => {
    const all = everyDestination(me());
    return phoneBar(me()).flatMap((id) => all.filter((item) => item.id === id));
  };
  // "More" is marked as where you are when the page on screen isn't one of the four.
  const elsewhere = () => !kept().some((item) => current(item));
  return (
    <nav class="bottom-bar" aria-label={t("shell.nav")} data-testid="bottom-bar">
      <ul>
        <For each={kept()}>
          {(item) => (
            <li>
              <NavLink item={item} count={props.counts()[item.id]} class="bottom-link" />
            </li>
          )}
        </For>
        <li>
          <button
            type="button"
            class="nav-link bottom-link"
            classList={{ "bottom-elsewhere": elsewhere() }}
            aria-haspopup="dialog"
            aria-expanded={props.menuOpen}
            onClick={() => props.onMenu()}
          >
            <Icon name="more" />
            <span class="nav-label">{t("nav.more")}</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}

/** Every destination on a phone, grouped as in the sidebar, with the profile and sign-out below. */
export function MoreMenu(props: { open: boolean; onClose: () => void; counts: Counts; footer: JSX.Element }) {
  const { me } = useSession();
  const location = useLocation();
  let menu!: HTMLElement;
  // Following a link closes the menu.
  createEffect(on(() => location.pathname + location.search, () => props.open && props.onClose(), { defer: true }));
  // Opened, it starts at the page you are on (the dialog itself would pick its first button).
  createEffect(
    on(
      () => props.open,
      (open) => open && requestAnimationFrame(() => (menu?.querySelector<HTMLElement>("[aria-current=page]") ?? menu?.querySelector<HTMLElement>("a"))?.focus()),
    ),
  );
  return (
    <Dialog open={props.open} title={t("nav.menu")} onClose={props.onClose}>
      <nav ref={menu} class="more-menu" aria-label={t("shell.nav")}>
        <ul class="nav-list">
          <li>
            <NavLink item={home} />
          </li>
        </ul>
        <For each={groupsFor(me())}>
          {(group) => (
            <section class="more-group" aria-labelledby={`more-${group.id}`}>
              <h3 id={`more-${group.id}`} class="more-heading">
                {t(group.label)}
              </h3>
              <ul class="nav-list">
                <For each={group.items}>
                  {(item) => (
                    <li>
                      <NavLink item={item} count={props.counts()[item.id]} />
                    </li>
                  )}
                </For>
              </ul>
            </section>
          )}
        </For>
      </nav>
      {props.footer}
    </Dialog>
  );
}
