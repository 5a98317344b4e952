import { api } from "@baton/ui/api";
import { Boundary } from "@baton/ui/Boundary";
import { Button } from "@baton/ui/Button";
import { createSubmission, Form, SaveActions, saveThenReread } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { TextArea, TextField } from "@baton/ui/TextField";
import { toast } from "@baton/ui/Toast";
import type { BrandSettings } from "@baton/ui/types";
import { uploadFile } from "@baton/ui/uploads";
import { getMe } from "@baton/ui/session";
import { createAsync, query, revalidate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { createStore } from "solid-js/store";

// Settings → Brand: what the agency's clients see instead of the product (portal, sign-in, emails).
// The colour comes back checked: if white text on it doesn't read at 4.5:1, the API darkens it and
// the card says which colour is used. The logo goes up through the files flow (place "logo").

export const getBrandSettings = query(() => api.brand.get(), "brand.settings");

export function BrandCard() {
  const brand = createAsync(() => getBrandSettings());
  return (
    <section class="card" aria-labelledby="brand-title" data-testid="brand">
      <h2 id="brand-title">{t("brand.title")}</h2>
      <p class="muted small">{t("brand.intro")}</p>
      <Boundary onRetry={() => revalidate(getBrandSettings.key)}>
        <Show when={brand()} keyed>
          {(loaded) => <BrandForm brand={loaded} />}
        </Show>
      </Boundary>
    </section>
  );
}

const ratio = (n: number) => n.toFixed(2);

function BrandForm(props: { brand: BrandSettings }) {
  const b = props.brand;
  const [values, setValues] = createStore({
    name: b.name ?? "",
    color: b.color?.chosen ?? "",
    senderName: b.senderName ?? "",
    replyTo: b.replyTo ?? "",
    emailFooter: b.emailFooter ?? "",
    portalTitle: b.portalTitle ?? "",
    portalWelcome: b.portalWelcome ?? "",
  });
  // The logo to save: unchanged (undefined), a new upload's id, or "" to remove it.
  const [logo, setLogo] = createSignal<{ id: string; preview: string } | "" | undefined>();
  const [uploading, setUploading] = createSignal(false);
  const submission = createSubmission();
  const logoPreview = () => {
    const chosen = logo();
    if (chosen === "") return null;
    return chosen ? chosen.preview : (b.logo?.url ?? null);
  };

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    submission.clear();
    try {
      const uploaded = await uploadFile(file, { place: "logo" }, () => {}, new AbortController().signal);
      setLogo({ id: uploaded.id, preview: URL.createObjectURL(file) });
      toast(t("brand.logoUploaded"));
    } catch (e) {
      submission.setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setUploading(false);
    }
  };

  const submit = () =>
    submission.run(async () => {
      const chosen = logo();
      // The agency's version moved: the sidebar (and anything else) reads the new brand.
      await saveThenReread(
        () => api.brand.update({ version: b.version, ...values, ...(chosen !== undefined ? { logoFileId: chosen === "" ? "" : chosen.id } : {}) }),
        () => revalidate([getBrandSettings.key, getMe.key]),
        { saved: () => toast(t("brand.saved")) },
      );
    });

  return (
    <Form submission={submission} onSubmit={submit} aria-label={t("brand.title")}>
      <div class="field-row">
        <TextField label={t("brand.name")} name="brandName" maxlength={80} hint={t("brand.nameHint")} value={values.name} onValue={(name) => setValues({ name })} error={submission.fieldError("name")} />
        <TextField label={t("brand.portalTitle")} name="portalTitle" maxlength={80} hint={t("brand.portalTitleHint")} value={values.portalTitle} onValue={(portalTitle) => setValues({ portalTitle })} error={submission.fieldError("portalTitle")} />
      </div>
      <div class="field-row brand-color-row">
        <TextField label={t("brand.color")} name="brandColor" maxlength={7} placeholder="#1f4ed8" hint={t("brand.colorHint")} value={values.color} onValue={(color) => setValues({ color })} error={submission.fieldError("color")} />
        <Show when={b.color}>
          {(color) => (
            <p class="brand-color-note small" role="status" data-testid="brand-color-note">
              <span class="brand-swatch" style={{ background: color().used }} aria-hidden="true" />
              {color().adjusted
                ? t("brand.colorAdjusted", { chosen: color().chosen, used: color().used, ratio: ratio(color().chosenAgainstWhite) })
                : t("brand.colorFine", { used: color().used, ratio: ratio(color().againstWhite) })}
            </p>
          )}
        </Show>
      </div>
      <div class="field">
        <span class="field-label">{t("brand.logo")}</span>
        <p class="muted small">{t("brand.logoHint")}</p>
        <div class="brand-logo-row">
          <Show when={logoPreview()}>{(url) => <img class="brand-logo brand-logo-preview" src={url()} alt={t("brand.logoAlt")} />}</Show>
          <label class="btn btn-secondary" classList={{ "is-pending": uploading() }}>
            {logoPreview() ? t("brand.logoReplace") : t("brand.logoUpload")}
            <input class="sr-only" type="file" name="logo" accept=".png,.jpg,.jpeg,.webp,image/png,image/jpeg,image/webp" onChange={(e) => void pick(e.currentTarget.files?.[0])} />
          </label>
          <Show when={logoPreview()}>
            <Button variant="ghost" onClick={() => setLogo("")}>
              {t("brand.logoRemove")}
            </Button>
          </Show>
        </div>
        <Show when={submission.fieldError("logoFileId")}>{(message) => <p class="field-error">{message()}</p>}</Show>
      </div>
      <div class="field-row">
        <TextField label={t("brand.senderName")} name="senderName" maxlength={80} hint={t("brand.senderNameHint")} value={values.senderName} onValue={(senderName) => setValues({ senderName })} error={submission.fieldError("senderName")} />
        <TextField label={t("brand.replyTo")} name="replyTo" type="email" maxlength={254} hint={t("brand.replyToHint")} value={values.replyTo} onValue={(replyTo) => setValues({ replyTo })} error={submission.fieldError("replyTo")} />
      </div>
      <TextArea label={t("brand.emailFooter")} name="emailFooter" rows={2} hint={t("brand.emailFooterHint")} value={values.emailFooter} onValue={(emailFooter) => setValues({ emailFooter })} error={submission.fieldError("emailFooter")} />
      <TextArea label={t("brand.portalWelcome")} name="portalWelcome" rows={3} hint={t("brand.portalWelcomeHint")} value={values.portalWelcome} onValue={(portalWelcome) => setValues({ portalWelcome })} error={submission.fieldError("portalWelcome")} />
      <SaveActions submission={submission} />
    </Form>
  );
}

