import { createBrowserRouter } from 'react-router';
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

/** Every page by its address: the file is named after the page the URL shows. */
export const router = createBrowserRouter([
  { path: '/signin', element: <SignInPage /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      {
        // Coaches' pages come later: their links land on the coach's placeholder home for now.
        element: <ClientOnly />,
        children: [
          { path: 'invites', element: <InvitesPage /> },
          { path: 'invites/:id', element: <InvitePage /> },
          { path: 'invites/:id/decline', element: <DeclinePage /> },
          { path: 'sessions', element: <SessionsPage /> },
          { path: 'sessions/:id', element: <SessionPage /> },
          { path: 'sessions/:id/questionnaire', element: <QuestionnairePage /> },
          { path: 'sessions/:id/confirmed', element: <ConfirmedPage /> },
          { path: 'book', element: <BookPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
