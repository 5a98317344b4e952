import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { createSubmission, Form, FormActions, saveThenReread } from "@baton/ui/Form";
import { formatDateTime, t } from "@baton/ui/i18n";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { TextArea } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { OnboardingKit } from "@baton/ui/types";
import { A, createAsync, revalidate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { expireOnLeave } from "../../lib/work";
import { getKit } from "./data";
import { Markdown } from "@baton/ui/Markdown";
import { QuestionsEditor, toQuestionInputs, toQuestionValues, type QuestionValues } from "./QuestionsEditor";
import "./onboarding.css";

type Agreement = OnboardingKit["agreement"];
type KitValues = { questions: QuestionValues[]; agreement: Agreement; welcomePacket: string };

const sections = ["scope", "deliverables", "paymentTerms", "confidentiality"] as const satisfies readonly (keyof Agreement)[];

/** The owner's onboarding kit: the intake questionnaire, the agreement's sections and the welcome packet. */
export default function OnboardingKitPage() {
  const kit = createAsync(() => getKit());
  const [conflicted, setConflicted] = createSignal(false);
  expireOnLeave(() => getKit.key);

  return (
    <section class="page">
      <Title>{t("onboarding.kit.title")}</Title>
      <PageHeader title={t("onboarding.kit.title")} intro={t("onboarding.kit.intro")} />
      <Boundary onRetry={() => revalidate(getKit.key)} loadingLabel={t("onboarding.kit.loading")}>
        <Show when={kit()}>
          {(k) => (
            <>
              <Show when={conflicted()}>
                <p class="notice notice-warning" role="alert">
                  {t("common.conflict")}
                </p>
              </Show>
              <p class="muted small" data-testid="kit-updated">
                {k().updatedAt ? t("common.updatedAt", { date: formatDateTime(k().updatedAt!) }) : t("onboarding.kit.neverSaved")}
              </p>
              {/* Keyed on the loaded kit: after a save (new questions get their ids) or a conflict, the form starts again from the API's kit. */}
              <Show when={k()} keyed>
                {(loaded) => <KitForm kit={loaded} onConflict={() => setConflicted(true)} onSaved={() => setConflicted(false)} />}
              </Show>
            </>
          )}
        </Show>
      </Boundary>
    </section>
  );
}

function KitForm(props: { kit: OnboardingKit; onConflict: () => void; onSaved: () => void }) {
  const [values, setValues] = createStore<KitValues>({
    questions: toQuestionValues(props.kit.questions),
    agreement: { ...props.kit.agreement },
    welcomePacket: props.kit.welcomePacket,
  });
  const submission = createSubmission();

  const submit = () =>
    submission.run(async () => {
      await saveThenReread(
        () =>
          api.onboarding.saveKit({
            version: props.kit.version,
            questions: toQuestionInputs(values.questions),
            agreement: { ...values.agreement },
            welcomePacket: values.welcomePacket,
          }),
        () => revalidate(getKit.key),
        {
          saved: () => {
            props.onSaved();
            toast(t("onboarding.kit.saved"));
          },
          conflict: props.onConflict,
        },
      );
    });

  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("onboarding.kit.title")} data-testid="kit-form">
      <section class="card" aria-labelledby="kit-questions-title">
        <h2 id="kit-questions-title">{t("onboarding.kit.questions")}</h2>
        <p class="muted small">{t("onboarding.kit.questionsIntro")}</p>
        <QuestionsEditor questions={values.questions} set={setValues} submission={submission} />
      </section>

      <section class="card" aria-labelledby="kit-agreement-title">
        <h2 id="kit-agreement-title">{t("onboarding.kit.agreement")}</h2>
        <p class="muted small">{t("onboarding.kit.agreementIntro")}</p>
        <fieldset class="plain-fieldset" name="agreement">
          <legend class="sr-only">{t("onboarding.kit.agreement")}</legend>
          {sections.map((section) => (
            <TextArea
              label={t(`onboarding.section.${section}`)}
              name={`agreement.${section}`}
              rows={5}
              class="field-mono"
              hint={t("onboarding.kit.markdownHint")}
              value={values.agreement[section]}
              onValue={(text) => setValues("agreement", section, text)}
              error={submission.fieldError(`agreement.${section}`)}
            />
          ))}
        </fieldset>
      </section>

      <section class="card" aria-labelledby="kit-packet-title">
        <h2 id="kit-packet-title">{t("onboarding.kit.packet")}</h2>
        <p class="muted small">{t("onboarding.kit.packetIntro")}</p>
        <TextArea
          label={t("onboarding.kit.packetField")}
          name="welcomePacket"
          rows={10}
          class="field-mono"
          hint={t("onboarding.kit.markdownHint")}
          value={values.welcomePacket}
          onValue={(welcomePacket) => setValues({ welcomePacket })}
          error={submission.fieldError("welcomePacket")}
        />
        <h3 class="subheading" id="kit-preview-title">
          {t("onboarding.kit.preview")}
        </h3>
        <div class="kit-preview" role="region" aria-labelledby="kit-preview-title">
          <Show when={values.welcomePacket.trim()} fallback={<p class="muted">{t("onboarding.kit.previewEmpty")}</p>}>
            <Markdown source={values.welcomePacket} data-testid="packet-preview" />
          </Show>
        </div>
      </section>

      <div class="kit-sticky-actions">
        <p class="muted small">
          {t("onboarding.kit.startHint")} <A href="/clients">{t("onboarding.kit.clientsLink")}</A>
        </p>
        <FormActions>
          <Button type="submit" variant="primary" pending={submission.pending()}>
            {t("onboarding.kit.save")}
          </Button>
        </FormActions>
      </div>
    </Form>
  );
}
