import { explain, type Problem } from '../api/problems';

/** A problem as a plain sentence, announced where it happened. */
export function ErrorText({ problem, text }: { problem?: Problem | null; text?: string }) {
  const sentence = text ?? (problem ? explain(problem) : null);
  if (!sentence) return null;
  return (
    <p className="error" role="alert">
      {sentence}
    </p>
  );
}
