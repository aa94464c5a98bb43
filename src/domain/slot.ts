export const MAX_SLOT_MS = 4 * 3_600_000;

export type SlotCheck = { ok: true } | { ok: false; reason: 'invalid_slot'; detail: string };

/** A slot must start after `now`, end after it starts and last at most four hours. */
export function checkSlot(slot: { startsAt: Date; endsAt: Date }, now: Date): SlotCheck {
  const start = slot.startsAt.getTime();
  const end = slot.endsAt.getTime();
  if (end <= start)
    return { ok: false, reason: 'invalid_slot', detail: 'The slot must end after it starts.' };
  if (start <= now.getTime())
    return { ok: false, reason: 'invalid_slot', detail: 'The slot must start in the future.' };
  if (end - start > MAX_SLOT_MS) {
    return { ok: false, reason: 'invalid_slot', detail: 'A slot may last at most 4 hours.' };
  }
  return { ok: true };
}
