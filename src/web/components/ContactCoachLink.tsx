import type { Coach } from '../api/model';

/** Opens the person's mail client, addressed to the coach, with a subject naming the session. */
export function ContactCoachLink({
  coach,
  subject,
  className = 'button button--secondary',
}: {
  coach: Coach;
  subject: string;
  className?: string;
}) {
  const href = `mailto:${coach.email}?subject=${encodeURIComponent(subject)}`;
  return (
    <a className={className} href={href}>
      Contact coach
    </a>
  );
}
