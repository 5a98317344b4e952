import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { SESSION_DAYS } from "@baton/core/auth";

// Team members and client contacts may use the same browser, so each app has its own cookie.
// The apps name themselves in the x-baton-app header; it also serves as CSRF proof (see security.ts).
export type AppName = "web" | "portal";
export const APP_HEADER = "x-baton-app";

export const cookieName = (app: AppName) => (app === "portal" ? "baton_portal" : "baton_web");

/**
 * Which app (so which cookie) a request is from: the x-baton-app header, or, for a page opened
 * by a plain link (the invoice's print page, where no header can be sent), `?app=portal` on a
 * GET. Only reads can name it that way; a state change still needs the header (middleware.ts).
 */
export function requestApp(c: Context): AppName {
  // A link or an <img> the browser follows sends no header: a GET (or HEAD) may name its app in
  // ?app= (file downloads and previews, the print page in the portal). Never a state change:
  // those need the header (CSRF).
  const header = c.req.header(APP_HEADER);
  if (header) return header === "portal" ? "portal" : "web";
  if ((c.req.method === "GET" || c.req.method === "HEAD") && c.req.query("app") === "portal") return "portal";
  return "web";
}

const isHttps = (c: Context) =>
  new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";

export function setSessionCookie(c: Context, app: AppName, token: string) {
  setCookie(c, cookieName(app), token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c),
    path: "/",
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, cookieName(requestApp(c)));
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, cookieName(requestApp(c)), { path: "/", secure: isHttps(c), httpOnly: true, sameSite: "Lax" });
}
