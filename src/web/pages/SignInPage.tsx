import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import { run } from '../api/problems';
import { ErrorText } from '../components/ErrorText';
import { useAction } from '../hooks/useAction';
import { useTitle } from '../hooks/useTitle';

const requestLink = (email: string, next: string | undefined) =>
  run(() => api.POST('/v1/auth/email-link', { body: next ? { email, next } : { email } }));

/** Why a person landed here, when a link or the header sent them. */
function arrivalNote(params: URLSearchParams): string | null {
  const error = params.get('error');
  if (error) {
    return /expired/i.test(error)
      ? 'That sign-in link has expired. Enter your email and we will send you a new one.'
      : 'That sign-in link is not valid. Enter your email and we will send you a new one.';
  }
  if (params.get('signedOut')) return 'You are signed out.';
  return null;
}

/** "Sign in": an email address in, a sign-in link out, the same answer for any address. */
export function SignInPage() {
  useTitle('Sign in');
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const sending = useAction(requestLink);
  const next = params.get('next') ?? undefined;
  const note = arrivalNote(params);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await sending.start(email.trim(), next);
    if (outcome?.ok) setSentTo(email.trim());
  };

  return (
    <main id="main" className="page page--narrow">
      <p className="brand brand--standalone">Coaching</p>
      <h1>Sign in</h1>
      {note && !sentTo && <p className="note">{note}</p>}
      {sentTo ? (
        <div className="card" role="status">
          <h2>Check your inbox</h2>
          <p>
            If <strong>{sentTo}</strong> belongs to an account, a sign-in link is on its way. Open
            it on this device to continue.
          </p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setSentTo(null)}
          >
            Use another address
          </button>
        </div>
      ) : (
        <form className="card form" onSubmit={(event) => void onSubmit(event)}>
          <p>We will email you a link that signs you in. No password needed.</p>
          <div className="field">
            <label htmlFor="email">Email</label>
            <input
              id="email"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </div>
          <ErrorText problem={sending.problem} />
          <button type="submit" className="button button--primary" disabled={sending.pending}>
            Email me a sign-in link
          </button>
        </form>
      )}
    </main>
  );
}
