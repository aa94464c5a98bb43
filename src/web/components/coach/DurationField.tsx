const DURATIONS = [30, 45, 60, 90, 120, 180, 240];

const durationLabel = (minutes: number) =>
  minutes < 60 ? `${minutes} minutes` : `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;

/** "Duration": from half an hour to the longest slot the service allows (4 hours). */
export function DurationField({
  id,
  minutes,
  onChange,
}: {
  id: string;
  minutes: number;
  onChange: (minutes: number) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Duration</label>
      <select id={id} value={minutes} onChange={(event) => onChange(Number(event.target.value))}>
        {DURATIONS.map((option) => (
          <option key={option} value={option}>
            {durationLabel(option)}
          </option>
        ))}
      </select>
    </div>
  );
}
