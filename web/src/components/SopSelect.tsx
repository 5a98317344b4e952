import { t } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { createAsync } from "@solidjs/router";
import { ErrorBoundary, Suspense } from "solid-js";
import { getAllSops } from "../pages/sops/data";

type Props = { value: string; onValue: (sopId: string) => void; name?: string; error?: string | undefined; hint?: string };

/** Picks an SOP from the library (optional: "No SOP"). */
export function SopSelect(props: Props) {
  return (
    <ErrorBoundary fallback={<Picker {...props} sops={[]} hint={t("sops.pickerFailed")} />}>
      <Suspense fallback={<Picker {...props} sops={[]} hint={t("common.loading")} />}>
        <Loaded {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}

function Loaded(props: Props) {
  const sops = createAsync(() => getAllSops());
  return <Picker {...props} sops={sops() ?? []} />;
}

function Picker(props: Props & { sops: { id: string; title: string; category: string; checklistLength: number }[] }) {
  return (
    <Select
      label={t("sops.picker")}
      name={props.name ?? "sopId"}
      hint={props.hint ?? t("sops.pickerHint")}
      error={props.error}
      options={[
        { value: "", label: t("sops.none") },
        ...props.sops.map((sop) => ({
          value: sop.id,
          label: t("sops.pickerOption", { title: sop.title, category: sop.category, count: sop.checklistLength }),
        })),
      ]}
      value={props.value}
      onValue={props.onValue}
    />
  );
}
