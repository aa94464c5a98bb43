import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', '.tools/', 'drizzle/', 'test/fixtures/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read JSON answers whose shape each assertion states.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Product code stays small enough to hold in one's head.
    files: ['src/**/*.{ts,tsx}', 'workflows/**/*.ts', 'activities/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 250, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  // Layers import downward only: api → workflows (and their messages) → activities → db and
  // email → auth (sign-in and session tokens) → domain.
  layer('src/domain/**/*.ts', 'the domain imports nothing of the service', [
    '**/auth/**',
    '**/db/**',
    '**/email/**',
    '**/api/**',
    '**/temporal/**',
    '**/main/**',
    '**/workflows/**',
    '**/activities/**',
  ]),
  layer('src/auth/**/*.ts', 'sign-in tokens sit below the API, email and activities', [
    '**/db/**',
    '**/email/**',
    '**/api/**',
    '**/temporal/**',
    '**/main/**',
    '**/workflows/**',
    '**/activities/**',
  ]),
  layer(
    '{src/db,src/email,src/calendar}/**/*.{ts,tsx}',
    'db, email and calendar files sit below activities, workflows and the API',
    ['**/api/**', '**/main/**', '**/workflows/**', '**/activities/**'],
  ),
  layer('activities/**/*.ts', 'activities sit below workflows and the API', [
    '**/api/**',
    '**/main/**',
    '**/workflows/**',
  ]),
  layer(
    'workflows/**/*.ts',
    'workflows are deterministic and sit below the API',
    ['**/api/**', '**/main/**', '**/db/**', '**/email/**'],
    nodeBuiltins,
  ),
  layer('src/api/**/*.ts', 'the API sits below the entry points', ['**/main/**']),
  ...webApp(),
);

/**
 * The web app (src/web) runs in the browser and talks to the service only through its HTTP API:
 * it imports nothing of the server, neither its code (nothing outside src/web) nor its packages.
 * Its build tooling (vite.config.ts, tools/) runs in Node and is checked as server code is.
 */
function webApp() {
  const app = ['src/web/**/*.{ts,tsx}'];
  const tooling = ['src/web/vite.config.ts', 'src/web/tools/**'];
  const why = 'the web app imports nothing of the server; it calls the HTTP API';
  const serverPackages = ['express', 'drizzle-orm', 'postgres', 'pino', 'jose', 'resend', 'zod'];
  const restrict = (files, escapes) => ({
    files,
    ignores: tooling,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, ...serverPackages].map((name) => ({ name, message: `${why}.` })),
          patterns: [{ group: [...escapes, '@temporalio/*', 'drizzle-orm/*'], message: `${why}.` }],
        },
      ],
    },
  });
  return [
    {
      files: app,
      ignores: tooling,
      languageOptions: { globals: globals.browser },
      rules: {
        'max-lines': ['error', { max: 250, skipBlankLines: true, skipComments: true }],
        'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      },
    },
    // Relative imports stay inside src/web: a file `depth` folders down may go up as many.
    ...[0, 1, 2, 3, 4].map((depth) =>
      restrict([`src/web/${'*/'.repeat(depth)}*.{ts,tsx}`], [`${'../'.repeat(depth + 1)}*`]),
    ),
    // The generated contract is as long as the API is wide.
    { files: ['src/web/api/schema.d.ts'], rules: { 'max-lines': 'off' } },
  ];
}

/** Refuses imports from the layers above `files`' own (and, for workflows, Node built-ins). */
function layer(files, why, patterns, paths = []) {
  return {
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: paths.map((name) => ({ name, message: `No Node built-ins: ${why}.` })),
          patterns: [{ group: patterns, message: `Layers import downward: ${why}.` }],
        },
      ],
    },
  };
}
