const LABELS: Record<string, string> = {
  pending: 'Waiting for your answer',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Expired',
  cancelled: 'Withdrawn by your coach',
  booked: 'Booked',
  completed: 'Completed',
};

const SESSION_LABELS: Record<string, string> = { cancelled: 'Cancelled' };

/** An invite's or session's state in words. */
export function StatusBadge({
  status,
  of = 'invite',
}: {
  status: string;
  of?: 'invite' | 'session';
}) {
  const label = (of === 'session' ? SESSION_LABELS[status] : undefined) ?? LABELS[status] ?? status;
  return <span className={`status status--${status}`}>{label}</span>;
}
