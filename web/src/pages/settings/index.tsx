import { t } from "@baton/ui/i18n";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { ApiKeysCard } from "./ApiKeys";
import { IntegrationsCard } from "./Integrations";
import { BillingIncrementCard } from "./BillingIncrement";
import { ExchangeRatesCard } from "./ExchangeRates";
import { FileSettingsCard } from "./FileSettings";
import { HourBankPolicyCard, OveragePolicyCard } from "./HourBankPolicy";
import { InvoiceDetailsCard } from "./InvoiceDetails";
import { BrandCard } from "./BrandCard";
import { PaymentInstructionsCard } from "./PaymentInstructions";
import { SurveySettingsCard } from "./SurveySettings";
import { WorkingHoursCard } from "./WorkingHours";
import "./settings.css";

/** The agency's settings, one card a concern; each card loads and saves on its own. */
export default function Settings() {
  return (
    <section class="page">
      <Title>{t("settings.title")}</Title>
      <PageHeader title={t("settings.title")} />
      <BrandCard />
      <PaymentInstructionsCard />
      <SurveySettingsCard />
      <WorkingHoursCard />
      <BillingIncrementCard />
      <HourBankPolicyCard />
      <OveragePolicyCard />
      <InvoiceDetailsCard />
      <ExchangeRatesCard />
      <FileSettingsCard />
      <ApiKeysCard />
      <IntegrationsCard />
    </section>
  );
}
