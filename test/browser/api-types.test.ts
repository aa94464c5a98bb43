import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiTypes, SCHEMA_FILE } from '../../src/web/tools/generate-api-types.js';

describe('the web app’s API types', () => {
  it('are generated from the current OpenAPI document (npm run web:types)', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed === (await generateApiTypes()), 'run npm run web:types').toBe(true);
  });
});
