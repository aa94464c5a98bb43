import { describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../src/webhooks/address-rules.js';
import { webhookUrlProblem } from '../../src/webhooks/url-rules.js';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.254',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:a9fe:a9fe',
    '[::1]',
    'localhost',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
  ])('admits %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('webhookUrlProblem', () => {
  const resolvesTo =
    (...addresses: string[]) =>
    async () =>
      addresses;

  it('admits http and https outside production, refuses other schemes and credentials', async () => {
    expect(await webhookUrlProblem('http://127.0.0.1:9000/x', { production: false })).toBeNull();
    expect(await webhookUrlProblem('ftp://example.com/', { production: false })).toMatch(/http/);
    expect(await webhookUrlProblem('https://u:p@example.com/', { production: false })).toMatch(
      /credentials/,
    );
  });

  it('wants https to public addresses only in production', async () => {
    const production = (resolve = resolvesTo('93.184.216.34')) => ({ production: true, resolve });
    expect(await webhookUrlProblem('https://hooks.example.com/', production())).toBeNull();
    expect(await webhookUrlProblem('http://hooks.example.com/', production())).toMatch(/https/);
    expect(await webhookUrlProblem('https://127.0.0.1/', production())).toMatch(/private/);
    expect(await webhookUrlProblem('https://[::1]/', production())).toMatch(/private/);
    expect(await webhookUrlProblem('https://[::ffff:192.168.0.1]/', production())).toMatch(
      /private/,
    );
    // One private address among public ones is enough to refuse (a rebinding host).
    const mixed = production(resolvesTo('93.184.216.34', '10.0.0.5'));
    expect(await webhookUrlProblem('https://hooks.example.com/', mixed)).toMatch(/private/);
    const failing = { production: true, resolve: () => Promise.reject(new Error('ENOTFOUND')) };
    expect(await webhookUrlProblem('https://nowhere.invalid/', failing)).toMatch(/resolve/);
  });
});
