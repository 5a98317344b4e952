import { A, revalidate } from "@solidjs/router";
import { isApiError } from "./api";
import { buttonClass } from "./Button";
import { t } from "./i18n";
import { createEffect, ErrorBoundary, on, Suspense, type JSX } from "solid-js";
import { ErrorMessage } from "./ErrorMessage";
import { Loading } from "./Spinner";

export type BoundaryProps = {
  children: JSX.Element;
  /**
   * Refetches what failed before re-rendering; defaults to expiring every cached query, since
   * a failed one would otherwise be served again from the router's cache.
   */
  onRetry?: () => unknown;
  loadingLabel?: string;
  errorTitle?: string;
  /** Leave the error state when this changes (e.g. the path, for a boundary around the route outlet). */
  resetOn?: () => unknown;
};

/** Loading and error states for the data read inside: Suspense within an ErrorBoundary. */
export function Boundary(props: BoundaryProps) {
  return (
    <ErrorBoundary
      fallback={(error, reset) => {
        // Kept visible in the browser's console: the message shown is deliberately general.
        console.error(error);
        if (props.resetOn) createEffect(on(props.resetOn, () => reset(), { defer: true }));
        // What isn't there (or isn't the viewer's) won't be there on a retry: offer a way back instead.
        if (isApiError(error) && (error.status === 404 || error.status === 403)) {
          return (
            <ErrorMessage
              error={error}
              title={props.errorTitle}
              action={
                <A href="/" class={buttonClass("secondary", "sm")}>
                  {t("common.goHome")}
                </A>
              }
            />
          );
        }
        return (
          <ErrorMessage
            error={error}
            title={props.errorTitle}
            onRetry={async () => {
              await (props.onRetry ? props.onRetry() : revalidate());
              reset();
            }}
          />
        );
      }}
    >
      <Suspense fallback={<Loading label={props.loadingLabel} />}>{props.children}</Suspense>
    </ErrorBoundary>
  );
}
