import { useSearchParams } from 'react-router';
import { ContactCoachLink } from '../components/ContactCoachLink';
import { ErrorText } from '../components/ErrorText';
import { Loading } from '../components/Loading';
import { useCoach } from '../hooks/useCoach';
import { useTitle } from '../hooks/useTitle';

/**
 * `/book?coachId=`: where "Decline and book a new time" lands when BOOKING_URL is left at its
 * default. The platform's own booking page replaces it in production.
 */
export function BookPage() {
  useTitle('Book a new time');
  const [params] = useSearchParams();
  const [coach] = useCoach(params.get('coachId') ?? undefined);
  return (
    <>
      <h1>Book a new time</h1>
      {coach.status === 'loading' && <Loading />}
      {coach.status === 'failed' && <ErrorText problem={coach.problem} />}
      {coach.status === 'ready' && (
        <div className="card">
          <p>
            Pick a time that suits you with {coach.data.name} ({coach.data.timezone}). Write to them
            with the times you can make, and they will send you a new invite.
          </p>
          <ContactCoachLink coach={coach.data} subject="Booking a new session" />
        </div>
      )}
    </>
  );
}
