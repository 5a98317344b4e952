import { Badge, type Tone } from "./Badge";
import { t } from "./i18n";
import type { ClientStatus, ContactStatus, MemberStatus, QuoteStatus } from "./types";

const clientTone: Record<ClientStatus, Tone> = { lead: "info", onboarding: "warning", active: "success", inactive: "neutral" };
const personTone: Record<MemberStatus | ContactStatus, Tone> = { invited: "warning", active: "success", deactivated: "danger", removed: "neutral" };

export function ClientStatusBadge(props: { status: ClientStatus }) {
  return <Badge tone={clientTone[props.status]}>{t(`clientStatus.${props.status}`)}</Badge>;
}

/** Invitation state of a team member or client contact. */
export function PersonStatusBadge(props: { status: MemberStatus | ContactStatus }) {
  return <Badge tone={personTone[props.status]}>{t(`personStatus.${props.status}`)}</Badge>;
}

const quoteTone: Record<QuoteStatus, Tone> = { draft: "neutral", sent: "info", accepted: "success", declined: "danger", expired: "warning" };

/** A quote's status, as both apps show it. */
export function QuoteStatusBadge(props: { status: QuoteStatus }) {
  return <Badge tone={quoteTone[props.status]}>{t(`quotes.status.${props.status}`)}</Badge>;
}
