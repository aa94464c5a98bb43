import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app's build: `npm run build:web`, and `npm start` when the build is missing or stale. */
export const WEB_ROOT = fileURLToPath(new URL('.', import.meta.url));
export const WEB_OUT_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

export default defineConfig({
  root: WEB_ROOT,
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: WEB_OUT_DIR, emptyOutDir: true, sourcemap: false },
});
