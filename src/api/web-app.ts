import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

/** Where `npm run build:web` puts the web app, and where its sources and build settings are. */
export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));
export const WEB_SOURCES = fileURLToPath(new URL('../web', import.meta.url));
const VITE_CONFIG = join(WEB_SOURCES, 'vite.config.ts');

/** Paths the service answers itself; every other GET is a page of the app. */
const SERVICE_PATHS = /^\/(v1|auth|calendar)(\/|$)|^\/(openapi\.json|healthz|readyz|metrics)$/;

/** The web page's own rules: its scripts and styles from this origin only, never framed. */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; " +
    "form-action 'self'; frame-ancestors 'none'",
  'cache-control': 'no-cache',
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
};

/**
 * Serves the built web app: its files, and index.html for every deep link (such as
 * `/invites/:id`) that is not one of the service's own paths. Without a build it serves nothing, and
 * requests go on to the API as before.
 */
export function webApp(dir: string = WEB_DIST): Router {
  const router = express.Router();
  const index = join(dir, 'index.html');
  router.use(
    express.static(dir, {
      index: false,
      setHeaders: (res, path) => {
        if (path.endsWith('.html')) {
          for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
          return;
        }
        // Vite names files under assets/ by their content: they never change.
        const hashed = path.startsWith(join(dir, 'assets'));
        res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (SERVICE_PATHS.test(req.path) || !existsSync(index)) return next();
    res.set(PAGE_HEADERS).sendFile(index);
  });
  return router;
}

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** A build is stale when it is missing or any file under src/web changed after it was made. */
export function webBuildIsStale(dir: string = WEB_DIST): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return true;
  return newestChange(WEB_SOURCES) > statSync(index).mtimeMs;
}

/** `npm run build:web`: Vite builds src/web into dist/web. Vite is loaded only when building. */
export async function buildWebApp(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: VITE_CONFIG, logLevel: 'warn' });
}

/** `npm start`: builds the app first when it is missing or older than its sources. */
export async function ensureWebApp(log: (message: string) => void): Promise<void> {
  if (!webBuildIsStale()) return;
  const started = Date.now();
  await buildWebApp();
  log(`web app built into dist/web in ${Date.now() - started} ms`);
}
