/** Methods that change something: the ones a cookie-authenticated request must prove it sent from the app. */
const CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const originOf = (url: string | undefined): string | null => {
  if (!url || url === 'null') return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * Whether a cookie-authenticated request may go on: reads always; a change only when its
 * `Origin` (or, lacking it, its `Referer`) is the app's own origin. Browsers send `Origin` with
 * every cross-origin request and every non-GET fetch, so a page elsewhere cannot pass for the app;
 * a request with neither header is refused, as no page of the app sends one.
 */
export function isSameSiteChange(input: {
  method: string;
  origin: string | undefined;
  referer: string | undefined;
  appOrigin: string;
}): boolean {
  if (!CHANGING.has(input.method.toUpperCase())) return true;
  const from = input.origin !== undefined ? originOf(input.origin) : originOf(input.referer);
  return from !== null && from === input.appOrigin;
}
