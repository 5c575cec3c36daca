/**
 * Which requests the `public` function serves: the one list behind the HTTP
 * API's routes (CDK) and the local dispatcher (`shared/app.ts`). Everything
 * else goes to `console`. `itself`: the path as such; `below`: anything under it.
 */
export const publicPaths = [
  { path: '/healthz', itself: true, below: false },
  { path: '/f', itself: false, below: true }, // opinion form, its post, receipt look-up
  { path: '/b', itself: true, below: true }, // code entry; ballot page and its post
  { path: '/e', itself: false, below: true }, // satisfaction evaluation page and its post
  { path: '/p', itself: false, below: true }, // disclosure pages
  { path: '/m', itself: false, below: true }, // a party member's personal link (党性分析)
  { path: '/a', itself: false, below: true }, // a unit's 党性分析 materials made public to the unit
  { path: '/v', itself: true, below: false }, // checking a disclosure in the browser
  { path: '/api/public', itself: false, below: true }, // the same as JSON
  { path: '/assets', itself: false, below: true }, // our own static files
  { path: '/favicon.ico', itself: true, below: false }, // browsers ask for it by this name
] as const;

/** The HTTP API's route paths for the `public` function (`{proxy+}` is one or more segments). */
export const publicRoutePaths: string[] = publicPaths.flatMap(({ path, itself, below }) => [
  ...(itself ? [path] : []),
  ...(below ? [`${path}/{proxy+}`] : []),
]);

/** True when API Gateway would send this path to the `public` function. */
export function isPublicPath(pathname: string): boolean {
  return publicPaths.some(
    ({ path, itself, below }) =>
      (itself && pathname === path) ||
      (below && pathname.startsWith(`${path}/`) && pathname.length > path.length + 1),
  );
}
