import { Button } from "@baton/ui/Button";
import { t } from "@baton/ui/i18n";
import { Title } from "@baton/ui/session";
import { PageHeader } from "@baton/ui/Shell";
import { createSignal } from "solid-js";
import { expireOnLeave } from "../../lib/work";
import { scheduleKeys } from "./data";
import { ScheduleList } from "./ScheduleList";

/** The owner's recurring work, every client's: add, edit, pause, resume and delete schedules. */
export default function Recurring() {
  expireOnLeave(() => scheduleKeys);
  const [creating, setCreating] = createSignal(false);
  const newButton = () => (
    <Button variant="primary" onClick={() => setCreating(true)}>
      {t("recurring.new")}
    </Button>
  );
  return (
    <section class="page">
      <Title>{t("recurring.title")}</Title>
      <PageHeader title={t("recurring.title")} intro={t("recurring.intro")} actions={newButton()} />
      <ScheduleList creating={creating()} setCreating={setCreating} newButton={newButton} />
    </section>
  );
}
