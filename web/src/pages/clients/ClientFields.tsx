import type { Submission } from "@baton/ui/Form";
import { t } from "@baton/ui/i18n";
import { CurrencySelect, Select, TimeZoneSelect } from "@baton/ui/Select";
import { TextArea, TextField } from "@baton/ui/TextField";
import { clientStatuses, type Client, type ClientInput, type ClientStatus } from "@baton/ui/types";

export type ClientValues = {
  name: string;
  code: string;
  timeZone: string;
  currency: string;
  status: ClientStatus;
  /** The first-response promise as typed, in business days (1–30, the default) or hours (1–240). */
  responseAmount: string;
  responseUnit: "days" | "hours";
  website: string;
  notes: string;
};

export const statusOptions = () => clientStatuses.map((value) => ({ value, label: t(`clientStatus.${value}`) }));

export const clientValues = (client: Client): ClientValues => ({
  name: client.name,
  code: client.code,
  timeZone: client.timeZone,
  currency: client.currency,
  status: client.status,
  responseAmount: String(client.responsePromise.amount),
  responseUnit: client.responsePromise.unit,
  website: client.website ?? "",
  notes: client.notes ?? "",
});

/** Trims, and turns "acme.com" into "https://acme.com"; empty optional text becomes null. */
export function toClientInput(values: ClientValues): Required<Omit<ClientInput, "billing" | "responseDays" | "responseHours">> & Pick<ClientInput, "responseDays" | "responseHours"> {
  const website = values.website.trim();
  const notes = values.notes.trim();
  return {
    name: values.name.trim(),
    code: values.code.trim().toUpperCase(),
    timeZone: values.timeZone,
    currency: values.currency,
    status: values.status,
    // Whatever was typed goes as a number; the API says what is wrong with it (whole days 1–30, hours 1–240).
    [values.responseUnit === "days" ? "responseDays" : "responseHours"]: values.responseAmount.trim() === "" ? Number.NaN : Number(values.responseAmount.replace(",", ".")),
    website: website ? (/^[a-z][a-z0-9+.-]*:\/\//i.test(website) ? website : `https://${website}`) : null,
    notes: notes || null,
  };
}

export function ClientFields(props: {
  values: ClientValues;
  set: (patch: Partial<ClientValues>) => void;
  submission: Submission;
}) {
  const s = props.submission;
  return (
    <>
      <div class="field-row">
        <TextField
          label={t("field.clientName")}
          name="name"
          required
          autocomplete="organization"
          value={props.values.name}
          onValue={(name) => props.set({ name })}
          error={s.fieldError("name")}
        />
        <TextField
          label={t("field.code")}
          name="code"
          required
          autocomplete="off"
          pattern="[A-Za-z0-9]{2,10}"
          maxlength={10}
          class="field-code"
          hint={t("field.codeHint")}
          value={props.values.code}
          onValue={(code) => props.set({ code: code.toUpperCase() })}
          error={s.fieldError("code")}
        />
      </div>
      <div class="field-row">
        <TimeZoneSelect name="timeZone" value={props.values.timeZone} onValue={(timeZone) => props.set({ timeZone })} error={s.fieldError("timeZone")} />
        <CurrencySelect name="currency" value={props.values.currency} onValue={(currency) => props.set({ currency })} error={s.fieldError("currency")} />
      </div>
      <div class="field-row">
        <Select
          label={t("field.status")}
          name="status"
          options={statusOptions()}
          value={props.values.status}
          onValue={(status) => props.set({ status: status as ClientStatus })}
          error={s.fieldError("status")}
        />
        <TextField
          label={t("field.website")}
          name="website"
          inputmode="url"
          autocomplete="url"
          placeholder="https://"
          value={props.values.website}
          onValue={(website) => props.set({ website })}
          error={s.fieldError("website")}
        />
      </div>
      <div class="field-row">
        <TextField
          label={t("clients.responsePromise")}
          name="responseAmount"
          type="number"
          inputmode="numeric"
          min="1"
          max={props.values.responseUnit === "days" ? "30" : "240"}
          step="1"
          required
          class="field-hours"
          hint={t(props.values.responseUnit === "days" ? "clients.responseDaysHint" : "clients.responseHoursHint")}
          value={props.values.responseAmount}
          onValue={(responseAmount) => props.set({ responseAmount })}
          error={s.fieldError("responseDays") ?? s.fieldError("responseHours")}
        />
        <Select
          label={t("clients.responseUnit")}
          name="responseUnit"
          options={[
            { value: "days", label: t("clients.responseUnitDays") },
            { value: "hours", label: t("clients.responseUnitHours") },
          ]}
          value={props.values.responseUnit}
          onValue={(unit) => props.set({ responseUnit: unit === "hours" ? "hours" : "days" })}
        />
      </div>
      <TextArea
        label={t("field.notes")}
        name="notes"
        value={props.values.notes}
        onValue={(notes) => props.set({ notes })}
        error={s.fieldError("notes")}
      />
    </>
  );
}
