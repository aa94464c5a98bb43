import { useEffect } from 'react';

/** The browser tab names the page, as screen readers announce it. */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Coaching`;
  }, [title]);
}
