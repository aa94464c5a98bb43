import { describe, expect, it } from 'vitest';
import { verifySignInToken } from '../../src/auth/sign-in-tokens.js';
import { DEMO, demoSignInLines } from '../../src/main/seed-demo.js';

describe('npm start’s demo sign-in links', () => {
  it('open the app at / signed in as each demo person', async () => {
    const secret = 'demo-secret-of-at-least-32-bytes-long';
    const now = new Date();
    const lines = await demoSignInLines(secret, 'http://localhost:3000', now);
    expect(lines).toHaveLength(4);
    const people = [DEMO.coach, DEMO.client, DEMO.secondClient];
    for (const [index, person] of people.entries()) {
      const line = lines[index + 1]!;
      expect(line.trim().startsWith(person.name)).toBe(true);
      const url = new URL(line.trim().split(/\s+/).at(-1)!);
      expect(`${url.origin}${url.pathname}`).toBe('http://localhost:3000/auth/link');
      expect(url.searchParams.get('next')).toBe('/');
      const check = await verifySignInToken(secret, url.searchParams.get('token')!, now);
      expect(check).toEqual({ ok: true, userId: person.id });
    }
  });
});
