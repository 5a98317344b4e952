import { t } from "@baton/ui/i18n";
import { VerifyPage } from "@baton/ui/VerifyPage";
import { PortalMark } from "../providers/brand";

export default function Verify() {
  return <VerifyPage appName={t("app.portal")} mark={<PortalMark />} />;
}
