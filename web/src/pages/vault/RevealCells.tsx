import { Badge } from "@baton/ui/Badge";
import { formatDateTime, formatNumber, t } from "@baton/ui/i18n";
import { useSession } from "@baton/ui/session";

/** What a rotation checklist says of one login: how often and when last it was shown, and whether the client has changed or removed it since. */
export type RevealSummary = { reveals: number; lastRevealedAt: string; rotated: boolean; removed: boolean };

/** The checklist row's last three cells (the leaver's and the ended client's checklists share them). */
export function RevealCells(props: { item: RevealSummary }) {
  const { me } = useSession();
  return (
    <>
      <td data-label={t("vault.offboarding.reveals")} class="num">
        {formatNumber(props.item.reveals)}
      </td>
      <td data-label={t("vault.offboarding.last")}>
        <time datetime={props.item.lastRevealedAt}>{formatDateTime(props.item.lastRevealedAt, me().timeZone)}</time>
      </td>
      <td data-label={t("vault.offboarding.state")}>
        <Badge tone={props.item.rotated || props.item.removed ? "success" : "warning"}>
          {props.item.removed ? t("vault.offboarding.removed") : props.item.rotated ? t("vault.offboarding.rotated") : t("vault.offboarding.open")}
        </Badge>
      </td>
    </>
  );
}

/** The headers of those three cells. */
export function RevealHeaders() {
  return (
    <>
      <th scope="col" class="num">
        {t("vault.offboarding.reveals")}
      </th>
      <th scope="col">{t("vault.offboarding.last")}</th>
      <th scope="col">{t("vault.offboarding.state")}</th>
    </>
  );
}
