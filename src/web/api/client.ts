import createClient from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The service's public API, typed from its OpenAPI document. The browser session cookie goes with
 * every request (same origin); nothing else about signing in is the app's business.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
