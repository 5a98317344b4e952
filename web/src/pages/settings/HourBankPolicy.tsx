import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { createSubmission, Form, SaveActions } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { toast } from "@baton/ui/Toast";
import type { HourBankPolicy } from "@baton/ui/types";
import { createAsync, query, revalidate } from "@solidjs/router";
import { Show } from "solid-js";
import { createStore } from "solid-js/store";
import { describePolicy, RolloverFields, rolloverValues, toPolicyInput, type RolloverValues } from "../../components/RolloverFields";
import { describeOverage, OverageFields, overageValues, toOverageInput, type OverageValues } from "../../components/OverageFields";
import type { HourBankOverage } from "@baton/ui/types";

/** The agency's rollover rule; a client's page reads it too, to offer it as the default. */
export const getRolloverPolicy = query(async () => (await api.hourBank.policy()).policy, "hourBank.policy");

/** The agency's overage rule; a client's page reads it too, to offer it as the default. */
export const getOveragePolicy = query(async () => (await api.hourBank.overage()).overage, "hourBank.overage");

/** What happens to a retainer's hours left at a month's end, for clients without a rule of their own. */
export function HourBankPolicyCard() {
  const policy = createAsync(() => getRolloverPolicy());
  return (
    <section class="card" aria-labelledby="rollover-policy-title" data-testid="rollover-policy">
      <h2 id="rollover-policy-title">{t("bank.settingsTitle")}</h2>
      <p class="muted small">{t("bank.settingsIntro")}</p>
      <Boundary onRetry={() => revalidate(getRolloverPolicy.key)}>
        <Show when={policy()} keyed>
          {(loaded) => <PolicyForm policy={loaded} />}
        </Show>
      </Boundary>
    </section>
  );
}

/** What happens once a retainer's hours for the month are used up, for clients without a rule of their own. */
export function OveragePolicyCard() {
  const overage = createAsync(() => getOveragePolicy());
  return (
    <section class="card" aria-labelledby="overage-policy-title" data-testid="overage-policy-card">
      <h2 id="overage-policy-title">{t("bank.overageTitle")}</h2>
      <p class="muted small">{t("bank.overageIntro")}</p>
      <Boundary onRetry={() => revalidate(getOveragePolicy.key)}>
        <Show when={overage()} keyed>
          {(loaded) => <OverageForm overage={loaded} />}
        </Show>
      </Boundary>
    </section>
  );
}

function PolicyForm(props: { policy: HourBankPolicy }) {
  const [values, setValues] = createStore<RolloverValues>(rolloverValues(props.policy));
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      await api.hourBank.setPolicy(toPolicyInput(values) ?? { mode: "none" });
      await revalidate(getRolloverPolicy.key);
      toast(t("bank.policySaved"));
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("bank.settingsTitle")}>
      <p data-testid="rollover-rule">{describePolicy(props.policy)}</p>
      <RolloverFields values={values} set={setValues} prefix="" error={(field) => submission.fieldError(field)} />
      <SaveActions submission={submission} />
    </Form>
  );
}

function OverageForm(props: { overage: HourBankOverage }) {
  const [values, setValues] = createStore<OverageValues>(overageValues(props.overage));
  const submission = createSubmission();
  const submit = () =>
    submission.run(async () => {
      await api.hourBank.setOverage(toOverageInput(values) ?? { mode: "bill" });
      await revalidate(getOveragePolicy.key);
      toast(t("bank.overageSaved"));
    });
  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("bank.overageTitle")} data-testid="overage-policy">
      <p data-testid="overage-rule">{describeOverage(props.overage)}</p>
      <OverageFields values={values} set={setValues} prefix="" error={(field) => submission.fieldError(field)} />
      <SaveActions submission={submission} />
    </Form>
  );
}
