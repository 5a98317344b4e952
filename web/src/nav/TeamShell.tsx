import { Button } from "@baton/ui/Button";
import { t } from "@baton/ui/i18n";
import type { FrameProps } from "@baton/ui/session";
import { useBrand } from "@baton/ui/brand";
import { initials } from "@baton/ui/Shell";
import { A, useIsRouting } from "@solidjs/router";
import { createSignal, onCleanup, onMount, Show } from "solid-js";
import { CommandPalette, paletteShown } from "./CommandPalette";
import { useNavCounts } from "./counts";
import { Icon } from "./icons";
import { BottomBar, MoreMenu } from "./PhoneNav";
import { RunningTimer } from "./RunningTimer";
import { Sidebar } from "./Sidebar";
import "./nav.css";

/**
 * The team app's frame: a sidebar grouped by job on wider screens; on phones a top bar (agency,
 * search, profile) and a bottom bar. Ctrl/⌘-K opens the command palette anywhere.
 */
export function TeamShell(props: FrameProps) {
  const routing = useIsRouting();
  const counts = useNavCounts();
  const [palette, setPalette] = createSignal(false);
  const [menu, setMenu] = createSignal(false);
  const hint = isApple() ? "⌘K" : "Ctrl K";

  onMount(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "k" || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      setMenu(false);
      // Open unless it is on screen: what the person sees decides, so a state that lags the
      // dialog (a close it has not heard of yet) can't swallow the key. A lagging "open" is set
      // right first, or setting it open again would change nothing.
      const shown = paletteShown();
      if (!shown && palette()) setPalette(false);
      setPalette(!shown);
    };
    document.addEventListener("keydown", onKey);
    onCleanup(() => document.removeEventListener("keydown", onKey));
  });

  // The agency's logo (or name) first; the product only as a small "powered by" (team app only).
  const agencyBrand = useBrand();
  const brand = () => (
    <A href="/" class="brand-link" end>
      <Show when={agencyBrand()?.logoUrl} fallback={<span class="brand-agency">{agencyBrand()?.name ?? props.agencyName}</span>}>
        {(url) => <img class="brand-logo" src={url()} alt={agencyBrand()?.name ?? props.agencyName} />}
      </Show>
      <span class="brand-app">{t("brand.poweredBy", { product: props.appName })}</span>
    </A>
  );
  const user = () => (
    <div class="nav-user">
      <A href="/profile" class="user-link" title={t("shell.profile")}>
        <span class="avatar" aria-hidden="true">
          {initials(props.userName)}
        </span>
        <span class="user-name nav-label">{props.userName}</span>
      </A>
      <Button size="sm" variant="ghost" class="nav-signout" pending={props.signingOut} onClick={() => props.onSignOut()} title={t("shell.signOut")}>
        <Icon name="signOut" />
        <span class="nav-label">{t("shell.signOut")}</span>
      </Button>
    </div>
  );

  return (
    <div class="team-shell">
      <a class="skip-link" href="#main">
        {t("shell.skip")}
      </a>
      <div class="route-progress" classList={{ active: routing() }} aria-hidden="true" />
      <Sidebar counts={counts} onSearch={() => setPalette(true)} searchHint={hint} header={<div class="sidebar-brand">{brand()}</div>} footer={user()} />
      <header class="phone-header">
        {brand()}
        <button type="button" class="nav-tool" aria-label={t("nav.search")} onClick={() => setPalette(true)}>
          <Icon name="search" />
        </button>
        {/* Named by its content (the person's name), not a label that hides the initials shown. */}
        <A href="/profile" class="user-link" title={t("shell.profile")}>
          <span class="avatar" aria-hidden="true">
            {initials(props.userName)}
          </span>
          <span class="sr-only">{props.userName}</span>
        </A>
      </header>
      <main id="main" class="team-main" tabindex="-1">
        <RunningTimer />
        {props.children}
      </main>
      <BottomBar counts={counts} menuOpen={menu()} onMenu={() => setMenu(true)} />
      <MoreMenu open={menu()} onClose={() => setMenu(false)} counts={counts} footer={user()} />
      <CommandPalette open={palette()} onClose={() => setPalette(false)} />
    </div>
  );
}

function isApple() {
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform ?? "";
  return /mac|iphone|ipad/i.test(platform);
}
