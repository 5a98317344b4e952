import { t } from "@baton/ui/i18n";
import { PRODUCT } from "../product";
import { SignInPage } from "@baton/ui/SignInPage";

export default function SignIn() {
  return <SignInPage appName={PRODUCT} intro={t("signIn.introWeb")} />;
}
