import { t } from "@baton/ui/i18n";
import { SignInPage } from "@baton/ui/SignInPage";
import { SignupLink } from "./signup/SignupLink";

export default function SignIn() {
  return <SignInPage appName={t("app.web")} intro={t("signIn.introWeb")} footer={<SignupLink />} />;
}
