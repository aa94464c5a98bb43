/** A labelled date or time input with what was wrong with it, if anything, beside it. */
export function TextishField({
  id,
  label,
  type,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  type: 'date' | 'time';
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <input
        id={id}
        type={type}
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...(error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {})}
      />
    </div>
  );
}
