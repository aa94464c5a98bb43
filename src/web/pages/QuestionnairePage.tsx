import { Link, useParams } from 'react-router';
import { ErrorText } from '../components/ErrorText';
import { Loading } from '../components/Loading';
import { QuestionnaireForm } from '../components/QuestionnaireForm';
import { useQuestionnaire } from '../hooks/useSession';
import { useTitle } from '../hooks/useTitle';

/** `/sessions/:id/questionnaire`: the service's questions for this session. */
export function QuestionnairePage() {
  useTitle('Pre-session questionnaire');
  const { id = '' } = useParams();
  const [questionnaire] = useQuestionnaire(id);
  return (
    <>
      <h1>Pre-session questionnaire</h1>
      {questionnaire.status === 'loading' && <Loading what="Loading the questions" />}
      {questionnaire.status === 'failed' && <ErrorText problem={questionnaire.problem} />}
      {questionnaire.status === 'ready' && questionnaire.data.status === 'submitted' && (
        <p className="note">
          You have already sent your answers. <Link to={`/sessions/${id}`}>Go to the session</Link>.
        </p>
      )}
      {questionnaire.status === 'ready' && questionnaire.data.status === 'pending' && (
        <QuestionnaireForm sessionId={id} questions={questionnaire.data.questions} />
      )}
    </>
  );
}
