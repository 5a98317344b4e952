import { ApiKeysCard } from "../ApiKeys";
import { IntegrationsCard } from "../Integrations";
import { SettingsSection } from "../SettingsSection";

/** /settings/integrations: API keys and webhooks. */
export default function IntegrationsSettings() {
  return (
    <SettingsSection id="integrations">
      <ApiKeysCard />
      <IntegrationsCard />
    </SettingsSection>
  );
}
