import type { Problem } from '../api/problems';
import { ErrorText } from './ErrorText';

/** "Show more" under a paged list, while there is more to show. */
export function ShowMore({
  hasMore,
  pending,
  problem,
  onClick,
}: {
  hasMore: boolean;
  pending: boolean;
  problem: Problem | null;
  onClick: () => void;
}) {
  if (!hasMore) return null;
  return (
    <div className="show-more">
      <ErrorText problem={problem} />
      <button
        type="button"
        className="button button--secondary"
        disabled={pending}
        onClick={onClick}
      >
        {pending ? 'Loading…' : 'Show more'}
      </button>
    </div>
  );
}
