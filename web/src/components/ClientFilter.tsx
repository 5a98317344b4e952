import { t } from "@baton/ui/i18n";
import { Select } from "@baton/ui/Select";
import { createAsync } from "@solidjs/router";
import { ErrorBoundary, Suspense } from "solid-js";
import { getAllClients } from "../pages/clients/data";

type Props = { value: string; onValue: (clientId: string) => void; label?: string };

/** A "client" filter select (owner). It never holds the page up: until the list arrives it offers "All clients". */
export function ClientFilter(props: Props) {
  const fallback = <Picker {...props} clients={[]} />;
  return (
    <ErrorBoundary fallback={fallback}>
      <Suspense fallback={fallback}>
        <Loaded {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}

function Loaded(props: Props) {
  const clients = createAsync(() => getAllClients());
  return <Picker {...props} clients={clients() ?? []} />;
}

function Picker(props: Props & { clients: { id: string; name: string }[] }) {
  return (
    <Select
      label={props.label ?? t("work.filterClient")}
      name="client"
      class="field-inline"
      options={[{ value: "", label: t("work.allClients") }, ...props.clients.map((c) => ({ value: c.id, label: c.name }))]}
      value={props.value}
      onValue={props.onValue}
    />
  );
}
