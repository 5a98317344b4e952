export { ProfilePage as default } from "@baton/ui/ProfilePage";
