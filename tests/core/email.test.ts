import { describe, expect, it } from "vitest";
import { Email } from "@baton/core/email";

describe("email templates", () => {
  it("renders the same content as HTML and plain text", () => {
    const email = Email.invitation({ locale: "en", kind: "member", agency: "Northwind", name: "Sam", url: "https://app.example/auth/verify?token=a.b" });
    expect(email.subject).toBe("Northwind invited you to their team");
    expect(email.html).toContain('href="https://app.example/auth/verify?token=a.b"');
    expect(email.text).toContain("Accept the invitation: https://app.example/auth/verify?token=a.b");
    expect(email.text).toContain("Hi Sam, Northwind has invited you");
  });

  it("escapes names so they cannot inject markup", () => {
    const email = Email.invitation({ locale: "en", kind: "contact", agency: "<img src=x onerror=alert(1)>", name: '"><script>alert(1)</script>', url: "https://x.example/?a=1&b=2" });
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain("&lt;script&gt;");
    expect(email.html).toContain("a=1&amp;b=2");
  });

  it("lists one sign-in button per agency", () => {
    const email = Email.signInLink({ locale: "en", links: [{ agency: "A", url: "https://a/x" }, { agency: "B", url: "https://b/y" }] });
    expect(email.text).toContain("Sign in to A: https://a/x");
    expect(email.text).toContain("Sign in to B: https://b/y");
    expect(email.text).toMatch(/15 minutes/);
  });
});
