import { t } from "@baton/ui/i18n";
import { SignInPage } from "@baton/ui/SignInPage";

export default function SignIn() {
  return <SignInPage appName={t("app.web")} intro={t("signIn.introWeb")} />;
}
