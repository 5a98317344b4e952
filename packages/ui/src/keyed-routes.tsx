import { useParams, type RouteDefinition, type RouteSectionProps } from "@solidjs/router";
import { Show, type Component } from "solid-js";

/**
 * The router keeps a page mounted when only its path's parameters change: another task, client or invoice opened
 * in place (the command palette, a link on the page). Its forms would keep what was typed for the one left, and
 * a save would go to the one opened. So every page with a parameter is made anew when a parameter changes.
 */
export function keyedOnParams(routes: RouteDefinition[]): RouteDefinition[] {
  return routes.map((route) => ({
    ...route,
    ...(route.component && pathsOf(route).some((path) => path.includes(":")) ? { component: madeAnewPerParams(route.component) } : {}),
    ...(route.children ? { children: keyedOnParams(Array.isArray(route.children) ? route.children : [route.children]) } : {}),
  }));
}

const pathsOf = (route: RouteDefinition): string[] => (Array.isArray(route.path) ? route.path : [route.path ?? ""]);

type PageComponent = Component<RouteSectionProps> & { preload?: () => unknown };

function madeAnewPerParams(Page: PageComponent): PageComponent {
  const keyed: PageComponent = (props) => {
    const params = useParams();
    return (
      <Show when={JSON.stringify(params)} keyed>
        {(_params: string) => <Page {...props} />}
      </Show>
    );
  };
  // A lazy page's code is fetched ahead (on a link's hover, with the route's data) through its `preload`.
  if (Page.preload) keyed.preload = () => Page.preload!();
  return keyed;
}
