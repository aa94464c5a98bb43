/**
 * Where to land after signing in: `next` when it is a path on the app's own origin (with its
 * query and fragment), else `/`. An absolute URL, a scheme-relative `//host` or a backslash trick
 * never leaves the app.
 */
export function safeNextPath(next: unknown, appUrl: string): string {
  if (typeof next !== 'string' || !next.startsWith('/') || /^\/[/\\]/.test(next)) return '/';
  if ([...next].some((char) => char < ' ' || char === '\\')) return '/';
  try {
    const app = new URL(appUrl);
    const url = new URL(next, app.origin);
    if (url.origin !== app.origin) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
