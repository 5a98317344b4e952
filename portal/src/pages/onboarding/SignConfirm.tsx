import { ConfirmDialog } from "@baton/ui/Dialog";
import { t } from "@baton/ui/i18n";
import { useSession } from "@baton/ui/session";

// Loaded by the agreement step when its name field is first used (see index.tsx), not with the page.
// Through the session it reaches the app's shared modules as every page does; a lazy part reaching
// only some of them (the dialog alone) makes the bundler split the first load's shared chunk.

/** Before the agreement is accepted: what accepting by the typed name means, to confirm or go back. */
export function SignConfirm(props: { open: boolean; fullName: string; onConfirm: () => void; onClose: () => void }) {
  const { me } = useSession();
  return (
    <ConfirmDialog
      open={props.open}
      title={t("onboarding.portal.confirmTitle")}
      message={t("onboarding.portal.confirmBody", { name: props.fullName, agency: me().agency.name })}
      confirmLabel={t("onboarding.portal.confirmSign")}
      onConfirm={props.onConfirm}
      onClose={props.onClose}
    />
  );
}
