import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { Vault } from "@baton/core/vault";
import { allow } from "../access.ts";
import { pathIds } from "../path-ids.ts";
import { created, noContent, ok } from "../responses.ts";
import { input } from "../validate.ts";

const tags = ["Vault"];

// The client vault: a client's logins, typed in the portal by the client's contacts and sealed at
// rest; a secret is answered only by a reveal (with a reason, rate limited, on the access log).
export const vaultRoutes = new Hono()
  .get("/", describeRoute({ responses: ok(Vault.listOutput), tags, summary: "A client's vault entries, never their secrets, and the owner's open requests for logins (owner with ?clientId=; a contact their company's)" }), allow(["owner", "contact"]), input("query", Vault.list.schema), async (c) =>
    c.json(await Vault.list(c.req.valid("query")), 200),
  )
  .post("/", describeRoute({ responses: created(Vault.entryOutput), tags, summary: "Add a login to the company's vault: tool, address, username, notes and the secret, sealed at rest (client contact)" }), allow("contact"), input("json", Vault.create.schema), async (c) =>
    c.json(await Vault.create(c.req.valid("json")), 201),
  )
  .get("/log", describeRoute({ responses: ok(Vault.logOutput), tags, summary: "The access log: every reveal of a client's logins, who, when, why and for which task, newest first (owner with ?clientId=; a contact their company's)" }), allow(["owner", "contact"]), input("query", Vault.log.schema), async (c) =>
    c.json(await Vault.log(c.req.valid("query")), 200),
  )
  .post("/requests", describeRoute({ responses: created(Vault.accessRequestOutput), tags, summary: "Ask a client for a tool's login: a to-do in their portal's vault, and an email pointing there (owner)" }), allow("owner"), input("json", Vault.requestAccess.schema), async (c) =>
    c.json(await Vault.requestAccess(c.req.valid("json")), 201),
  )
  .get("/tasks/:taskId", describeRoute({ responses: ok(Vault.taskVaultOutput), tags, summary: "The logins a task names (owner; its assignee while it is open)" }), allow(["owner", "subcontractor"]), pathIds("taskId"), async (c) =>
    c.json(await Vault.ofTask(c.req.param("taskId")), 200),
  )
  .put("/tasks/:taskId", describeRoute({ responses: ok(Vault.taskVaultOutput), tags, summary: "Name the logins a task's work needs: its assignee may reveal them while assigned (owner)" }), allow("owner"), pathIds("taskId"), input("json", Vault.setForTask.schema), async (c) =>
    c.json(await Vault.setForTask(c.req.valid("json"), c.req.param("taskId")), 200),
  )
  .get("/offboarding/:memberId", describeRoute({ responses: ok(Vault.checklistOutput), tags, summary: "The logins a team member revealed, each with whether it was rotated since: the checklist when they leave (owner)" }), allow("owner"), pathIds("memberId"), async (c) =>
    c.json(await Vault.checklist(c.req.param("memberId")), 200),
  )
  .get("/clients/:clientId/checklist", describeRoute({ responses: ok(Vault.clientChecklistOutput), tags, summary: "The logins the team was shown of one client, by whom, and whether each was changed since: the checklist when the client's work ends (owner)" }), allow("owner"), pathIds("clientId"), async (c) =>
    c.json(await Vault.clientChecklist(c.req.param("clientId")), 200),
  )
  .patch("/:vaultEntryId", describeRoute({ responses: { ...ok(Vault.entryOutput), 409: { description: "Stale version: with the current entry" } }, tags, summary: "Edit an entry's tool, address, username or notes from the version read (client contact)" }), allow("contact"), pathIds("vaultEntryId"), input("json", Vault.edit.schema), async (c) =>
    c.json(await Vault.edit(c.req.valid("json"), c.req.param("vaultEntryId")), 200),
  )
  .post("/:vaultEntryId/rotate", describeRoute({ responses: { ...ok(Vault.entryOutput), 409: { description: "Stale version: with the current entry" } }, tags, summary: "Replace an entry's secret after changing it at the tool (client contact)" }), allow("contact"), pathIds("vaultEntryId"), input("json", Vault.rotate.schema), async (c) =>
    c.json(await Vault.rotate(c.req.valid("json"), c.req.param("vaultEntryId")), 200),
  )
  .post(
    "/:vaultEntryId/reveal",
    describeRoute({
      responses: { ...ok(Vault.revealOutput, "The secret (a TOTP entry: its current code)"), 422: { description: "The stored secret failed its integrity check (vault.tampered)" }, 429: { description: "Too many reveals in a minute" } },
      tags,
      summary: "Show an entry's secret with a reason, recorded on the access log: the owner; a subcontractor for an open task of theirs that names it; a contact their company's",
    }),
    allow(["owner", "subcontractor", "contact"], { apiKeys: "never", whileInactive: true }),
    pathIds("vaultEntryId"),
    input("json", Vault.reveal.schema),
    async (c) => {
      // Never cached anywhere on the way back.
      c.header("Cache-Control", "no-store");
      return c.json(await Vault.reveal(c.req.valid("json"), c.req.param("vaultEntryId")), 200);
    },
  )
  .delete("/:vaultEntryId", describeRoute({ responses: noContent("Removed; the access log keeps its reveals"), tags, summary: "Remove an entry (client contact)" }), allow("contact"), pathIds("vaultEntryId"), async (c) => {
    await Vault.remove(c.req.param("vaultEntryId"));
    return c.body(null, 204);
  });
