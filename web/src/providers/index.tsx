import { Boundary } from "@baton/ui/Boundary";
import { UnauthorizedRedirect } from "@baton/ui/session";
import { Toaster } from "@baton/ui/Toast";
import { WhenMessages } from "@baton/ui/WhenMessages";
import { useLocation, type RouteSectionProps } from "@solidjs/router";

/** The router's root: the 401 policy, a top-level loading/error boundary and the toasts. */
export function Root(props: RouteSectionProps) {
  const location = useLocation();
  return (
    <>
      {/* Outside the wait for strings: the page's data, fetched meanwhile, may already answer 401. */}
      <UnauthorizedRedirect />
      <WhenMessages>
        <Boundary resetOn={() => location.pathname}>{props.children}</Boundary>
        <Toaster />
      </WhenMessages>
    </>
  );
}
