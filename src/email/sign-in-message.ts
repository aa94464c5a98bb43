import type { LinkTarget } from '../auth/sign-in-tokens.js';
import { renderMessage, type RenderedMessage } from './layout.js';

/** The email `/signin` sends: one button that signs the person in and lands on `target`. */
export function renderSignInMessage(input: {
  person: { name: string; role: string };
  target: LinkTarget;
  validFor: string;
}): RenderedMessage {
  return renderMessage(
    'Your sign-in link',
    {
      greeting: `Hi ${input.person.name},`,
      paragraphs: [
        `Use the button below to sign in to your coaching ${input.person.role} account. The link works for ${input.validFor}.`,
        'If you did not ask for it, you can ignore this email: nobody can sign in without it.',
      ],
      button: { label: 'Sign in', target: input.target },
    },
    { title: 'Sign-in link sent', body: 'A sign-in link was emailed to you.', link: '/' },
  );
}
