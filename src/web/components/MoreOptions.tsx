import { useEffect, useId, useRef, useState } from 'react';
import type { Coach } from '../api/model';
import { CoachDialog } from './CoachDialog';
import { ContactCoachLink } from './ContactCoachLink';

/** The three dots: "View coach" (a dialog) and "Contact coach" (the mail client). */
export function MoreOptions({ coach, subject }: { coach: Coach; subject: string }) {
  const [open, setOpen] = useState(false);
  const [viewing, setViewing] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !root.current?.contains(event.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div className="more-options" ref={root}>
      <button
        type="button"
        className="button button--secondary button--icon"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">⋯</span>
        <span className="visually-hidden">More options</span>
      </button>
      <div id={panelId} className="more-options__panel" hidden={!open}>
        <button
          type="button"
          className="menu-item"
          onClick={() => {
            setOpen(false);
            setViewing(true);
          }}
        >
          View coach
        </button>
        <ContactCoachLink coach={coach} subject={subject} className="menu-item" />
      </div>
      {viewing && <CoachDialog coach={coach} onClose={() => setViewing(false)} />}
    </div>
  );
}
