import { useEffect, useRef } from 'react';
import type { Coach } from '../api/model';

/** "View coach": the coach's name, email and timezone in a modal dialog. */
export function CoachDialog({ coach, onClose }: { coach: Coach; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="coach-dialog-title" onClose={onClose}>
      <h2 id="coach-dialog-title">{coach.name}</h2>
      <dl className="facts">
        <div>
          <dt>Email</dt>
          <dd>
            <a href={`mailto:${coach.email}`}>{coach.email}</a>
          </dd>
        </div>
        <div>
          <dt>Timezone</dt>
          <dd>{coach.timezone}</dd>
        </div>
      </dl>
      <form method="dialog">
        <button type="submit" className="button button--secondary">
          Close
        </button>
      </form>
    </dialog>
  );
}
