import { useBrand } from "@baton/ui/brand";
import { t } from "@baton/ui/i18n";
import { SignInPage } from "@baton/ui/SignInPage";
import { PortalMark } from "../providers/brand";

export default function SignIn() {
  const brand = useBrand();
  return <SignInPage appName={brand()?.title ?? t("app.portal")} mark={<PortalMark />} welcome={brand()?.welcome} intro={t("signIn.introPortal")} />;
}
