import { useCallback, useRef, useState } from 'react';
import type { Outcome } from '../../api/problems';
import { defaultSlotValues, readSlot, type SlotValues } from '../../lib/slot-form';
import { useAction } from '../useAction';

export interface SlotRequest {
  startsAt: string;
  endsAt: string;
  message?: string;
  /** The same for every resend of unchanged values, so a retried request creates nothing twice. */
  idempotencyKey: string;
}

/**
 * A form that proposes a slot: its values (kept whatever the answer), what was wrong with a field,
 * and the request, which runs once at a time.
 */
export function useSlotForm<T>(timeZone: string, send: (slot: SlotRequest) => Promise<Outcome<T>>) {
  const [values, setValuesState] = useState<SlotValues>(() => defaultSlotValues(timeZone));
  const [errors, setErrors] = useState<Partial<Record<'date' | 'time', string>>>({});
  const key = useRef(crypto.randomUUID());
  const sending = useAction(send);

  const setValues = useCallback((next: SlotValues) => {
    key.current = crypto.randomUUID();
    setValuesState(next);
  }, []);
  const changed = useCallback(() => {
    key.current = crypto.randomUUID();
  }, []);

  const submit = useCallback(async (): Promise<T | null> => {
    const slot = readSlot(values, timeZone);
    if (!slot.ok) {
      setErrors({ [slot.field]: slot.message });
      sending.setProblem(null);
      return null;
    }
    setErrors({});
    const message = values.message.trim();
    const outcome = await sending.start({
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      ...(message ? { message } : {}),
      idempotencyKey: key.current,
    });
    return outcome?.ok ? outcome.data : null;
  }, [values, timeZone, sending]);

  return {
    values,
    setValues,
    changed,
    errors,
    submit,
    pending: sending.pending,
    problem: sending.problem,
  };
}
