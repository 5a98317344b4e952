import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// Who may act on a task or a request is the API's to say (task/policy.ts, request/policy.ts):
// every task, ClientTask and request detail carries `can`, and the apps show buttons from it.
// This holds the apps to that: the pages that act on tasks and requests contain no role,
// reviewer or assignee checks of their own, except the few below that only choose where a link
// goes (navigation) or label something, each with its reason.

const root = join(import.meta.dirname, "..", "..");

/** The screens with task and request action buttons, and the thread composer they share. */
const actionSources = ["web/src/pages/tasks", "web/src/pages/requests", "portal/src/pages/requests", "packages/ui/src/Thread.tsx"];

/** What a rule re-derived in an app looks like. */
const rolePatterns: Array<[string, RegExp]> = [
  ["a role comparison", /\brole\s*[!=]==|[!=]==\s*["']owner["']/],
  ["a reviewer flag", /\.reviewer\b/],
  ["an owner/assignee/reviewer helper", /\b(isOwner|isAssignee|canReview|isReviewer)\b/],
  ["an assignee-is-me check", /assignee\??\.id\s*[!=]==\s*me\(\)|me\(\)\.id\s*[!=]==\s*[\w.?]*assignee/],
  ["the agency's thread rule", /subcontractorsWriteToClients/],
  ["a status rule for an action", /\b(assignable|workable|triage)\s*[(=]/],
];

/** Lines allowed to match, by file and an exact piece of the line, with the reason. */
const allowed: Array<{ file: string; line: string; reason: string }> = [
  { file: "web/src/pages/tasks/TaskHeader.tsx", line: 'if (me().role === "owner")', reason: "navigation: the owner's back link goes to the request" },
  { file: "web/src/pages/tasks/TaskHeader.tsx", line: "const mine = props.task.assignee?.id === me().id;", reason: "navigation: the assignee's back link goes to their work, a reviewer's to the QA queue" },
  { file: "web/src/pages/tasks/AssignDialog.tsx", line: 'candidate.member.role === "owner" ? t("role.owner")', reason: "a label: the candidate's role, printed" },
  { file: "web/src/pages/requests/Detail.tsx", line: 'const isOwner = () => me().role === "owner";', reason: "navigation: the back link and the client page link (owner-only pages)" },
  { file: "web/src/pages/requests/Detail.tsx", line: "isOwner() ? (", reason: "navigation: the back link goes to the requests list or to my work" },
  { file: "web/src/pages/requests/Detail.tsx", line: "<Show when={isOwner()} fallback={d().client.name}>", reason: "navigation: the client's name links to the owner-only client page" },
];

function filesUnder(path: string): string[] {
  const full = join(root, path);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full, { recursive: true, encoding: "utf8" })
    .map((name) => join(full, name))
    .filter((file) => /\.(ts|tsx)$/.test(file));
}

/** Every line of `files` matching a pattern, as "file:line: kind: text" (comments skipped: they explain, they don't gate). */
function findings(files: string[]): Array<{ file: string; text: string; kind: string; where: string }> {
  const found = [];
  for (const path of files) {
    const file = relative(root, path);
    const lines = readFileSync(path, "utf8").split("\n");
    for (const [index, text] of lines.entries()) {
      if (/^\s*(\/\/|\*|\/\*)/.test(text)) continue;
      for (const [kind, pattern] of rolePatterns) {
        if (pattern.test(text)) found.push({ file, text: text.trim(), kind, where: `${file}:${index + 1}` });
      }
    }
  }
  return found;
}

const isAllowed = (hit: { file: string; text: string }) => allowed.some((entry) => entry.file === hit.file && hit.text.includes(entry.line));

describe("the apps show task and request actions from `can`", () => {
  const files = actionSources.flatMap(filesUnder);

  it("scans the pages that act on tasks and requests", () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((file) => file.endsWith(join("tasks", "TaskView.tsx")))).toBe(true);
    expect(files.some((file) => file.endsWith(join("requests", "Deliverables.tsx")))).toBe(true);
  });

  it("finds no role checks of their own, beyond navigation and labels", () => {
    const unexplained = findings(files).filter((hit) => !isAllowed(hit));
    expect(unexplained.map((hit) => `${hit.where}: ${hit.kind}: ${hit.text}`)).toEqual([]);
  });

  it("keeps no stale allowance", () => {
    const hits = findings(files);
    for (const entry of allowed) {
      expect(hits.some((hit) => hit.file === entry.file && hit.text.includes(entry.line)), `${entry.file}: ${entry.line}`).toBe(true);
    }
  });

  it("would notice the rules the task page used to carry", () => {
    // The detector itself, on the lines this replaced (web/src/pages/tasks/Detail.tsx before the policy).
    const old = [
      'const isOwner = () => me().role === "owner";',
      "const isAssignee = () => !!task()?.assignee && task()?.assignee?.id === me().id;",
      "const canReview = () => isOwner() || (me().reviewer && !isAssignee());",
      "const writesToClient = () => isOwner() || me().agency.subcontractorsWriteToClients;",
      'const assignable = (task: WorkTask) => task.status === "todo" || workable(task);',
    ];
    for (const line of old) expect(rolePatterns.some(([, pattern]) => pattern.test(line)), line).toBe(true);
  });
});
