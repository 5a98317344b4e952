import { Badge, type Tone } from "@baton/ui/Badge";
import { t } from "@baton/ui/i18n";
import type { QuoteStatus } from "@baton/ui/types";

const tones: Record<QuoteStatus, Tone> = { draft: "neutral", sent: "info", accepted: "success", declined: "danger", expired: "warning" };

export function QuoteStatusBadge(props: { status: QuoteStatus }) {
  return <Badge tone={tones[props.status]}>{t(`quotes.status.${props.status}`)}</Badge>;
}
