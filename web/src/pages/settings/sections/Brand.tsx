import { BrandCard } from "../BrandCard";
import { SettingsSection } from "../SettingsSection";

/** /settings/brand: the logo and colours clients see. */
export default function BrandSettings() {
  return (
    <SettingsSection id="brand">
      <BrandCard />
    </SettingsSection>
  );
}
