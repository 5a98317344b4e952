import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

// axe-core in a real page: WCAG 2.0/2.1 A and AA, as the accessibility tests check it.

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core"), "utf8");
const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export type AxeViolation = { rule: string; impact: string; help: string; targets: string[] };

/** axe's serious and critical violations on what is on screen now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol rather than as a <script>: the apps' CSP rightly refuses inline scripts.
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.evaluate(axeSource);
  const results: AxeViolation[] = await page.evaluate(async (values) => {
    const { axe, document } = globalThis as any;
    const run = await axe.run(document, { runOnly: { type: "tag", values } });
    return run.violations.map((v: any) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n: any) => n.target.join(" ")) }));
  }, tags);
  return results.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** The same, one line each ("rule: help (targets)"), for an assertion message. */
export async function axeViolations(page: Page): Promise<string[]> {
  return (await seriousViolations(page)).map((v) => `${v.rule}: ${v.help} (${v.targets.join(", ")})`);
}
