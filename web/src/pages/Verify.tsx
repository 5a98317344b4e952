import { VerifyPage } from "@baton/ui/VerifyPage";
import { PRODUCT } from "../product";

export default function Verify() {
  return <VerifyPage appName={PRODUCT} />;
}
