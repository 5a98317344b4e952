import { t } from "@baton/ui/i18n";
import { PRODUCT } from "../product";
import { SignInPage } from "@baton/ui/SignInPage";
import { SignupLink } from "./signup/SignupLink";

export default function SignIn() {
  return <SignInPage appName={PRODUCT} intro={t("signIn.introWeb")} footer={<SignupLink />} />;
}
