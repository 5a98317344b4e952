import { createAsync, query, revalidate, useLocation, useNavigate, type RouteSectionProps } from "@solidjs/router";
import { createContext, createEffect, createSignal, Show, useContext, type Accessor, type Component, type JSX } from "solid-js";
import { api, configureApi } from "./api";
import { Boundary } from "./Boundary";
import { setLocale, setViewerTimeZone, t } from "./i18n";
import { Shell, type NavItem } from "./Shell";
import { currentAppTitle, setSignedInAgency } from "./brand";
import type { AppName, Me } from "./types";

export const getMe = query(() => api.me.get(), "me");

type Session = { me: Accessor<Me>; refresh: () => Promise<void> };
const SessionContext = createContext<Session>();

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside <SignedIn>");
  return session;
}

// Where the app is mounted ("" or "/portal"); the router's paths exclude it.
let basePath = "";
export const routerBase = (baseUrl: string) => baseUrl.replace(/\/+$/, "");

export function configureApp(options: { app: AppName; base: string }) {
  basePath = options.base;
  configureApi({ app: options.app });
}

/** An in-app absolute path, or "/" for anything that could leave the app. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return "/";
  return next;
}

const NEXT_KEY = "baton.next";
/** Remembered across the email round trip: the magic link opens a fresh page. */
export const rememberNext = (next: string) => {
  try {
    localStorage.setItem(NEXT_KEY, safeNext(next));
  } catch {
    // without storage the user lands on the home page instead
  }
};
export const takeNext = () => {
  try {
    const next = localStorage.getItem(NEXT_KEY);
    localStorage.removeItem(NEXT_KEY);
    return safeNext(next);
  } catch {
    return "/";
  }
};

const publicPaths = ["/sign-in", "/auth/verify"];

/**
 * The single 401 policy: go to sign-in, carrying the page the user was on. Mount once,
 * inside the router (it needs navigate/location).
 */
export function UnauthorizedRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  configureApi({
    onUnauthorized: () => {
      const path = location.pathname.slice(basePath.length) || "/";
      if (publicPaths.some((p) => path.startsWith(p))) return;
      const next = path + location.search;
      navigate(next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`, { replace: true });
    },
  });
  return null;
}

/** The user's saved language and time zone drive formatting once they're known. */
function ApplyPreferences(props: { me: Me }) {
  createEffect(() => {
    setSignedInAgency(props.me.agency.id, props.me.agency.version);
    setViewerTimeZone(props.me.timeZone);
    void setLocale(props.me.locale);
  });
  return null;
}

/** Sets the document title as "<page> · <app>": the team app's name, or the agency's brand in the portal. */
export function Title(props: { children: string }) {
  createEffect(() => {
    const app = currentAppTitle();
    document.title = app ? `${props.children} · ${app}` : props.children;
  });
  return null;
}

/** What a signed-in frame draws around the page: who is signed in, where, and how to leave. */
export type FrameProps = {
  appName: string;
  agencyName: string;
  /** The agency's logo, shown in place of its name (the portal's header). */
  logoUrl?: string | null | undefined;
  userName: string;
  onSignOut: () => void;
  signingOut: boolean;
  children: JSX.Element;
};

/** The portal's top menu (`nav`), or a frame of the app's own (the team app's sidebar). */
export type SignedInProps = RouteSectionProps & {
  appName: string;
  /** The agency's brand name and logo, in place of its own name (the portal). */
  brandName?: string | null | undefined;
  logoUrl?: string | null | undefined;
} & ({ nav: (me: Me) => NavItem[]; frame?: never } | { frame: Component<FrameProps>; nav?: never });

/** Layout for every signed-in route: loads the user, applies their locale/zone, draws the shell. */
export function SignedIn(props: SignedInProps): JSX.Element {
  const me = createAsync(() => getMe());
  const [signingOut, setSigningOut] = createSignal(false);
  const location = useLocation();
  const Frame: Component<FrameProps> = (frame) => {
    const own = props.frame;
    if (own) return own(frame);
    const nav = props.nav!;
    return <Shell {...frame} nav={nav(me()!)} />;
  };

  async function signOut() {
    setSigningOut(true);
    try {
      await api.auth.signOut();
    } catch {
      // the cookie may already be gone; signing out locally is what matters
    }
    // A full page load drops every cached answer that belonged to this user.
    window.location.assign(`${basePath}/sign-in?signedOut=1`);
  }

  return (
    <Boundary loadingLabel={t("common.loading")}>
      <Show when={me()}>
        {(user) => (
          <SessionContext.Provider value={{ me: user, refresh: () => revalidate(getMe.key) }}>
            <ApplyPreferences me={user()} />
            <Frame
              appName={props.appName}
              agencyName={props.brandName ?? user().agency.name}
              logoUrl={props.logoUrl}
              userName={user().name || user().email}
              onSignOut={signOut}
              signingOut={signingOut()}
            >
              <Boundary resetOn={() => location.pathname}>{props.children}</Boundary>
            </Frame>
          </SessionContext.Provider>
        )}
      </Show>
    </Boundary>
  );
}
