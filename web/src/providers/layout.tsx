import { PRODUCT } from "../product";
import { SignedIn } from "@baton/ui/session";
import type { RouteSectionProps } from "@solidjs/router";
import { TeamShell } from "../nav/TeamShell";

/** Every signed-in page of the team app, inside its sidebar frame (nav/). */
export function Layout(props: RouteSectionProps) {
  return <SignedIn {...props} appName={PRODUCT} frame={TeamShell} />;
}
