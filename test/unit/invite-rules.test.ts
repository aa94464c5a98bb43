import { describe, expect, it } from 'vitest';
import { inviteExpiresAt, inviteReminderAt } from '../../src/domain/invite-timing.js';
import { checkSlot } from '../../src/domain/slot.js';

const H = 3_600_000;
const D = 24 * H;
const now = new Date('2026-12-01T12:00:00.000Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

describe('checkSlot', () => {
  it('accepts a future slot of up to four hours', () => {
    expect(checkSlot({ startsAt: at(H), endsAt: at(2 * H) }, now)).toEqual({ ok: true });
    expect(checkSlot({ startsAt: at(H), endsAt: at(5 * H) }, now)).toEqual({ ok: true });
  });
  it('refuses a slot longer than four hours by a minute', () => {
    expect(checkSlot({ startsAt: at(H), endsAt: at(5 * H + 60_000) }, now)).toMatchObject({
      ok: false,
      reason: 'invalid_slot',
    });
  });
  it('refuses a slot that ends before or when it starts', () => {
    expect(checkSlot({ startsAt: at(2 * H), endsAt: at(H) }, now)).toMatchObject({
      ok: false,
      reason: 'invalid_slot',
    });
    expect(checkSlot({ startsAt: at(H), endsAt: at(H) }, now)).toMatchObject({
      ok: false,
      reason: 'invalid_slot',
    });
  });
  it('refuses a slot that starts now or in the past', () => {
    expect(checkSlot({ startsAt: now, endsAt: at(H) }, now)).toMatchObject({
      ok: false,
      detail: /future/,
    });
    expect(checkSlot({ startsAt: at(-H), endsAt: at(H) }, now)).toMatchObject({
      ok: false,
      reason: 'invalid_slot',
    });
  });
});

describe('inviteExpiresAt', () => {
  it('is sent + TTL when the slot is later', () => {
    expect(inviteExpiresAt({ sentAt: now, ttlMs: 7 * D, startsAt: at(10 * D) })).toEqual(at(7 * D));
  });
  it('is the slot start when that is sooner', () => {
    expect(inviteExpiresAt({ sentAt: now, ttlMs: 7 * D, startsAt: at(2 * D) })).toEqual(at(2 * D));
  });
  it('is the session’s current start for a reschedule when that is soonest', () => {
    expect(
      inviteExpiresAt({
        sentAt: now,
        ttlMs: 7 * D,
        startsAt: at(5 * D),
        sessionStartsAt: at(3 * D),
      }),
    ).toEqual(at(3 * D));
    expect(
      inviteExpiresAt({
        sentAt: now,
        ttlMs: 7 * D,
        startsAt: at(2 * D),
        sessionStartsAt: at(3 * D),
      }),
    ).toEqual(at(2 * D));
  });
});

describe('inviteReminderAt', () => {
  it('comes the configured time before expiry', () => {
    expect(inviteReminderAt({ sentAt: now, expiresAt: at(7 * D), reminderBeforeMs: D })).toEqual(
      at(6 * D),
    );
  });
  it('is skipped when that moment is not after sending', () => {
    expect(inviteReminderAt({ sentAt: now, expiresAt: at(D), reminderBeforeMs: D })).toBeNull();
    expect(inviteReminderAt({ sentAt: now, expiresAt: at(H), reminderBeforeMs: D })).toBeNull();
  });
});
