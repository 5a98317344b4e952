import { BrandMark, useBrand } from "@baton/ui/brand";
import { t } from "@baton/ui/i18n";

/** The portal's name on the sign-in pages: the agency's logo or name, else a neutral "Client portal". */
export function PortalMark() {
  const brand = useBrand();
  return <BrandMark brand={brand()} fallback={brand()?.title ?? t("app.portal")} />;
}
