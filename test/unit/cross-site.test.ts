import { describe, expect, it } from 'vitest';
import { isSameSiteChange } from '../../src/api/cross-site.js';
import { safeNextPath } from '../../src/api/next-path.js';

const appOrigin = 'https://app.example.com';
const check = (method: string, headers: { origin?: string; referer?: string }) =>
  isSameSiteChange({ method, origin: headers.origin, referer: headers.referer, appOrigin });

describe('isSameSiteChange', () => {
  it.each(['GET', 'HEAD', 'OPTIONS'])('lets %s through from anywhere', (method) => {
    expect(check(method, { origin: 'https://evil.example' })).toBe(true);
    expect(check(method, {})).toBe(true);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'post'])('lets %s through from the app', (method) => {
    expect(check(method, { origin: appOrigin })).toBe(true);
    expect(check(method, { referer: `${appOrigin}/invites/1?x=2` })).toBe(true);
  });

  it.each([
    ['another site', { origin: 'https://evil.example' }],
    ['another port', { origin: 'https://app.example.com:8443' }],
    ['plain http', { origin: 'http://app.example.com' }],
    ['a look-alike host', { origin: 'https://app.example.com.evil.example' }],
    ['an opaque origin', { origin: 'null' }],
    ['a garbled origin', { origin: 'not a url' }],
    ['a referer elsewhere', { referer: 'https://evil.example/https://app.example.com/' }],
    ['neither header', {}],
    [
      'an origin elsewhere despite a good referer',
      { origin: 'https://evil.example', referer: `${appOrigin}/` },
    ],
  ])('refuses a change from %s', (_name, headers) => {
    expect(check('POST', headers)).toBe(false);
    expect(check('DELETE', headers)).toBe(false);
  });
});

describe('safeNextPath', () => {
  const app = 'https://app.example.com';
  it.each([
    ['/invites/1', '/invites/1'],
    ['/sessions/1/questionnaire?x=1#top', '/sessions/1/questionnaire?x=1#top'],
    ['/a/../b', '/b'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['/ok\\..', '/'],
    ['javascript:alert(1)', '/'],
    ['invites', '/'],
    ['/line\nbreak', '/'],
    [undefined, '/'],
  ])('takes %j to %j', (next, path) => {
    expect(safeNextPath(next, app)).toBe(path);
  });
});
