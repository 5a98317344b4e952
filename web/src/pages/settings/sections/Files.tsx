import { FileSettingsCard } from "../FileSettings";
import { SettingsSection } from "../SettingsSection";

/** /settings/files: upload limits, storage, and who writes to clients. */
export default function FilesSettings() {
  return (
    <SettingsSection id="files">
      <FileSettingsCard />
    </SettingsSection>
  );
}
