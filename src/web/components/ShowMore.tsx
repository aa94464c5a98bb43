import type { Problem } from '../api/problems';
import { ErrorText } from './ErrorText';

/** What "Show more" needs of a paged list (`usePagedList`). */
interface MorePages {
  hasMore: boolean;
  loadingMore: boolean;
  moreProblem: Problem | null;
  showMore: () => Promise<unknown>;
}

/** "Show more" under a paged list, while there is more to show. */
export function ShowMore({ list }: { list: MorePages }) {
  if (!list.hasMore) return null;
  return (
    <div className="show-more">
      <ErrorText problem={list.moreProblem} />
      <button
        type="button"
        className="button button--secondary"
        disabled={list.loadingMore}
        onClick={() => void list.showMore()}
      >
        {list.loadingMore ? 'Loading…' : 'Show more'}
      </button>
    </div>
  );
}
