import type { Viewer } from "../actor/viewer.ts";
import { RequestStatuses, type RequestStatus } from "../workflow/index.ts";
import type { RequestItem } from "./entity.ts";

// Who may do what to a request, in one place, read by the mutations ("may I") and by GET
// ("what can I", the `can` list the apps show buttons from). Whether the viewer sees the request
// at all is `loadVisible`'s to say (a request they may not see is "not found"); this decides
// among those who do. A task's own actions are task/policy.ts's.

export const RequestActions = ["accept", "decline", "message_client", "add_note"] as const;
export type RequestActionName = (typeof RequestActions)[number];

/**
 * Who the viewer is to a request they see: the owner (or an API key), a team member, a team
 * member the agency lets write to clients, or the client's contact.
 */
export type RequestParty = "owner" | "team" | "team_writer" | "client";

/** What the agency decides for everyone: whether subcontractors write to clients or only internal notes. */
export type AgencyRules = { subcontractorsWriteToClients: boolean };

type Rule = { from: readonly RequestStatus[]; by: readonly RequestParty[] };

const rules: Readonly<Record<RequestActionName, Rule>> = {
  // Triage: a submitted request becomes tasks, or is declined with a reason the client reads.
  accept: { from: ["submitted"], by: ["owner"] },
  decline: { from: ["submitted"], by: ["owner"] },
  // The client thread: the client, the owner, and subcontractors where the agency allows it.
  message_client: { from: RequestStatuses, by: ["owner", "client", "team_writer"] },
  // The internal notes: the team only (clients never learn they exist).
  add_note: { from: RequestStatuses, by: ["owner", "team"] },
};

export function partiesOf(viewer: Viewer, item: Pick<RequestItem, "clientId">, agency: AgencyRules): Set<RequestParty> {
  const parties = new Set<RequestParty>();
  if (viewer.owner) parties.add("owner");
  if (viewer.memberId !== null) parties.add("team");
  if (viewer.memberId !== null && agency.subcontractorsWriteToClients) parties.add("team_writer");
  if (viewer.clientId !== null && viewer.clientId === item.clientId) parties.add("client");
  return parties;
}

/** Why `action` is refused to the viewer now: not theirs ("party"), or not in this status ("state"); null when they may. */
export function refusal(viewer: Viewer, item: Pick<RequestItem, "clientId" | "status">, agency: AgencyRules, action: RequestActionName): "party" | "state" | null {
  const rule = rules[action];
  const parties = partiesOf(viewer, item, agency);
  if (!viewer.writes || !rule.by.some((party) => parties.has(party))) return "party";
  if (!rule.from.includes(item.status)) return "state";
  return null;
}

/** The statuses `action` is taken from (a refusal names the one the request is in). */
export const statusesFor = (action: RequestActionName): readonly RequestStatus[] => rules[action].from;

/** What the viewer may do to the request now, in the order of RequestActions. */
export function can(viewer: Viewer, item: Pick<RequestItem, "clientId" | "status">, agency: AgencyRules): RequestActionName[] {
  return RequestActions.filter((action) => refusal(viewer, item, agency, action) === null);
}

/** Only a subcontractor's rights depend on the agency's rule: everyone else's is known without reading it. */
export const needsAgencyRules = (viewer: Viewer) => viewer.memberId !== null && !viewer.owner;
