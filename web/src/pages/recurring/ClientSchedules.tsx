import { Button } from "@baton/ui/Button";
import { t } from "@baton/ui/i18n";
import type { Client } from "@baton/ui/types";
import { createSignal } from "solid-js";
import { ScheduleList } from "./ScheduleList";

/** The client page's recurring work: this client's schedules, and a new one for them. */
export function ClientSchedules(props: { client: Client }) {
  const [creating, setCreating] = createSignal(false);
  const newButton = () => (
    <Button size="sm" onClick={() => setCreating(true)}>
      {t("recurring.new")}
    </Button>
  );
  return (
    <section class="card" aria-labelledby="client-recurring-title" data-testid="client-recurring">
      <div class="card-header">
        <h2 id="client-recurring-title">{t("recurring.title")}</h2>
        {newButton()}
      </div>
      <ScheduleList clientId={props.client.id} creating={creating()} setCreating={setCreating} newButton={newButton} />
    </section>
  );
}
