// Queries of the Time page; `preloadTime` starts them from the route (see routes.tsx).
export const preloadTime = (_query: Record<string, string | string[] | undefined>) => {};
