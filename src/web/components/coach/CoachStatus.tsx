/** An invite's or session's state in words, as the coach who sent it reads it. */
const LABELS: Record<string, string> = {
  pending: 'Waiting for the client',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Expired',
  cancelled: 'Withdrawn',
  booked: 'Booked',
  completed: 'Completed',
};

export function CoachStatus({ status, of }: { status: string; of: 'invite' | 'session' }) {
  const label = of === 'session' && status === 'cancelled' ? 'Cancelled' : LABELS[status];
  return <span className={`status status--${status}`}>{label ?? status}</span>;
}
