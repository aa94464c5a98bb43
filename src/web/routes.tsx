import { createBrowserRouter } from 'react-router';
import { ByRole } from './components/ByRole';
import { ClientOnly } from './components/ClientOnly';
import { Layout } from './components/Layout';
import { BookPage } from './pages/BookPage';
import { ConfirmedPage } from './pages/ConfirmedPage';
import { DeclinePage } from './pages/DeclinePage';
import { HomePage } from './pages/HomePage';
import { InvitePage } from './pages/InvitePage';
import { InvitesPage } from './pages/InvitesPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { QuestionnairePage } from './pages/QuestionnairePage';
import { SessionPage } from './pages/SessionPage';
import { SessionsPage } from './pages/SessionsPage';
import { SignInPage } from './pages/SignInPage';
import { CoachHomePage } from './pages/coach/CoachHomePage';
import { CoachSessionPage } from './pages/coach/CoachSessionPage';
import { SendInvitePage } from './pages/coach/SendInvitePage';
import { SentInvitesPage } from './pages/coach/SentInvitesPage';

/** Every page by its address: the file is named after the page the URL shows. */
export const router = createBrowserRouter([
  { path: '/signin', element: <SignInPage /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <ByRole coach={<CoachHomePage />} client={<HomePage />} /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'invites', element: <ByRole coach={<SentInvitesPage />} client={<InvitesPage />} /> },
      {
        path: 'invites/new',
        element: <ByRole coach={<SendInvitePage />} client={<NotFoundPage />} />,
      },
      {
        path: 'sessions/:id',
        element: <ByRole coach={<CoachSessionPage />} client={<SessionPage />} />,
      },
      {
        // The client's own pages; a coach's link to one of them lands on the coach's home.
        element: <ClientOnly />,
        children: [
          { path: 'invites/:id', element: <InvitePage /> },
          { path: 'invites/:id/decline', element: <DeclinePage /> },
          { path: 'sessions', element: <SessionsPage /> },
          { path: 'sessions/:id/questionnaire', element: <QuestionnairePage /> },
          { path: 'sessions/:id/confirmed', element: <ConfirmedPage /> },
          { path: 'book', element: <BookPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
