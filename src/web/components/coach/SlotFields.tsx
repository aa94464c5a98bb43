import type { SlotValues } from '../../lib/slot-form';
import { DurationField } from './DurationField';
import { TextishField } from './TextishField';
import '../../coach.css';

const HOURS_NOTE =
  'Any time of day is fine, also outside your usual hours. On the night the clocks go back, a ' +
  'time that happens twice means its first occurrence.';

/**
 * "Date", "Start time", "Duration" and an optional "Message", read on the coach's own clock, which
 * the fields name. `errors` holds what was wrong with a field, shown beside it.
 */
export function SlotFields({
  idPrefix,
  values,
  timeZone,
  errors,
  onChange,
}: {
  idPrefix: string;
  values: SlotValues;
  timeZone: string;
  errors: Partial<Record<'date' | 'time', string>>;
  onChange: (values: SlotValues) => void;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const set = <K extends keyof SlotValues>(key: K, value: SlotValues[K]) =>
    onChange({ ...values, [key]: value });
  return (
    <>
      <p className="hint slot-zone">
        Times are in your timezone, <strong>{timeZone}</strong>. {HOURS_NOTE}
      </p>
      <div className="slot-fields">
        <TextishField
          id={id('date')}
          label="Date"
          type="date"
          value={values.date}
          error={errors.date}
          onChange={(value) => set('date', value)}
        />
        <TextishField
          id={id('time')}
          label="Start time"
          type="time"
          value={values.time}
          error={errors.time}
          onChange={(value) => set('time', value)}
        />
        <DurationField
          id={id('duration')}
          minutes={values.minutes}
          onChange={(minutes) => set('minutes', minutes)}
        />
      </div>
      <div className="field">
        <label htmlFor={id('message')}>
          Message <span className="hint">(optional, the client reads it with the invite)</span>
        </label>
        <textarea
          id={id('message')}
          rows={3}
          maxLength={2000}
          value={values.message}
          onChange={(event) => set('message', event.target.value)}
        />
      </div>
    </>
  );
}
