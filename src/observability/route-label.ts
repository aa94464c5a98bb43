/** Requests no route answered: unknown paths, and those refused before routing (e.g. a 401). */
export const UNMATCHED_ROUTE = '(unmatched)';
/** Requests the web app's static files or its page fallback answered (they have no route). */
export const WEB_APP_ROUTE = '(web app)';

export interface RoutedRequest {
  baseUrl: string;
  route?: { path?: unknown };
}

/**
 * The label a request's metrics and span carry: the Express route pattern that answered it
 * (`/v1/invites/:id/accept`), never the raw path, so ids cannot grow the series without bound.
 */
export function routeLabel(req: RoutedRequest, status: number): string {
  const path = req.route?.path;
  if (typeof path === 'string') return `${req.baseUrl}${path}` || '/';
  return status < 400 ? WEB_APP_ROUTE : UNMATCHED_ROUTE;
}
