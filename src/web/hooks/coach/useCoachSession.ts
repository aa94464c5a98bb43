import { useQuestionnaire, useSession } from '../useSession';
import { useClient } from './useClient';

/** A session, its client and its questionnaire, for the coach's session page. */
export function useCoachSession(id: string) {
  const [session, reload] = useSession(id);
  const clientId = session.status === 'ready' ? session.data?.clientId : undefined;
  const [client] = useClient(clientId);
  const [questionnaire] = useQuestionnaire(id);
  return { session, client, questionnaire, reload };
}
