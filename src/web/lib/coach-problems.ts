import { explain, type Problem } from '../api/problems';

/** Sentences for what can go wrong when a coach sends, proposes, withdraws or cancels. */
const SENTENCES: Record<string, string> = {
  slot_unavailable:
    'This time overlaps a session or a pending invite you already have. Choose another time.',
  invalid_slot:
    'This time cannot be used: a session must start in the future and last at most 4 hours.',
  client_not_found: 'This person is not one of your clients, so you cannot invite them.',
  reschedule_pending:
    'A new time for this session is already waiting for the client’s answer. Wait for it, or ' +
    'withdraw it from your home page first.',
  invite_already_responded: 'The client has already answered this invite.',
  invite_expired: 'This invite has expired already.',
  invite_cancelled: 'This invite was withdrawn already.',
  not_found: 'We could not find this. It may belong to another coach.',
};

/** A plain sentence for a problem a coach's action met. */
export function explainForCoach(problem: Problem): string {
  return SENTENCES[problem.code] ?? explain(problem);
}
