import { BillingIncrementCard } from "../BillingIncrement";
import { ExchangeRatesCard } from "../ExchangeRates";
import { HourBankPolicyCard, OveragePolicyCard } from "../HourBankPolicy";
import { InvoiceDetailsCard } from "../InvoiceDetails";
import { PaymentInstructionsCard } from "../PaymentInstructions";
import { SettingsSection } from "../SettingsSection";

/** /settings/money: how the agency bills and is paid. */
export default function MoneySettings() {
  return (
    <SettingsSection id="money">
      <PaymentInstructionsCard />
      <BillingIncrementCard />
      <HourBankPolicyCard />
      <OveragePolicyCard />
      <InvoiceDetailsCard />
      <ExchangeRatesCard />
    </SettingsSection>
  );
}
