import { A, useIsRouting } from "@solidjs/router";
import { For, Show, type JSX } from "solid-js";
import { Button } from "./Button";
import { t } from "./i18n";

/** `count`: something waiting there (unread requests), shown as a small number beside the label. */
export type NavItem = { href: string; label: string; end?: boolean; count?: number };

export type ShellProps = {
  appName: string;
  agencyName: string;
  logoUrl?: string | null | undefined;
  userName: string;
  nav: NavItem[];
  onSignOut: () => void;
  signingOut?: boolean;
  children: JSX.Element;
};

/** The signed-in frame: skip link, header with agency/app, main navigation, user menu. */
export function Shell(props: ShellProps) {
  const routing = useIsRouting();
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t("shell.skip")}
      </a>
      <div class="route-progress" classList={{ active: routing() }} aria-hidden="true" />
      <header class="shell-header">
        <div class="shell-brand">
          <A href="/" class="brand-link" end>
            <Show when={props.logoUrl} fallback={<span class="brand-agency">{props.agencyName}</span>}>
              {(url) => <img class="brand-logo" src={url()} alt={props.agencyName} />}
            </Show>
            <Show when={props.appName && props.appName !== props.agencyName}>
              <span class="brand-app">{props.appName}</span>
            </Show>
          </A>
        </div>
        <nav class="shell-nav" aria-label={t("shell.nav")}>
          <ul>
            <For each={props.nav}>
              {(item, index) => (
                <li>
                  {/* The count describes the link without renaming it: "Requests" stays "Requests". */}
                  <A href={item.href} end={item.end} aria-describedby={item.count ? `nav-count-${index()}` : undefined}>
                    {item.label}
                    <Show when={item.count}>
                      <span class="nav-count" aria-hidden="true" data-testid="nav-count">
                        {item.count}
                      </span>
                    </Show>
                  </A>
                  <Show when={item.count}>
                    <span class="sr-only" id={`nav-count-${index()}`}>
                      {t("nav.unread", { count: item.count! })}
                    </span>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </nav>
        <div class="shell-user">
          <A href="/profile" class="user-link" title={t("shell.profile")}>
            <span class="avatar" aria-hidden="true">
              {initials(props.userName)}
            </span>
            <span class="user-name">{props.userName}</span>
          </A>
          <Button size="sm" variant="ghost" pending={props.signingOut} onClick={() => props.onSignOut()}>
            {t("shell.signOut")}
          </Button>
        </div>
      </header>
      <main id="main" class="shell-main" tabindex="-1">
        {props.children}
      </main>
    </div>
  );
}

/** "Olivia Owens" → "OO", for the avatar beside a name. */
export function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0]];
  return letters.join("").toUpperCase() || "?";
}

/** A page's heading row: title, optional intro and actions on the right. */
export function PageHeader(props: { title: string; intro?: JSX.Element; actions?: JSX.Element; back?: JSX.Element }) {
  return (
    <div class="page-header">
      <Show when={props.back}>
        <div class="page-back">{props.back}</div>
      </Show>
      <div class="page-header-row">
        <div>
          <h1>{props.title}</h1>
          <Show when={props.intro}>
            <p class="page-intro">{props.intro}</p>
          </Show>
        </div>
        <Show when={props.actions}>
          <div class="page-actions">{props.actions}</div>
        </Show>
      </div>
    </div>
  );
}
