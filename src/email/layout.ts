import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { LinkTarget } from '../auth/sign-in-tokens.js';
import { EmailLayout } from './components/EmailLayout.js';

/** The platform's name atop every email (the sender's display name in EMAIL_FROM's default). */
export const PLATFORM_NAME = 'Coaching';

/**
 * An email's button: a page of the app (`target`), which becomes a sign-in link for the
 * recipient when the email is sent, or the platform's booking page for a coach (`bookingWith`,
 * BOOKING_URL, which the sender knows).
 */
export type MessageButton = { label: string } & ({ target: LinkTarget } | { bookingWith: string });

/** How the sender turns buttons into addresses. */
export interface EmailLinks {
  /** A sign-in link for the recipient that lands on `target`. */
  signIn(target: LinkTarget): Promise<string>;
  /** BOOKING_URL for this coach. */
  booking(coachId: string): string;
}

/** A fact the email shows apart, such as the slot: "When", "Thu 10 Dec 2026, 10:00–11:00 (…)". */
export interface MessageFact {
  label: string;
  value: string;
}

export interface MessageBody {
  /** The email's heading; the subject when absent. */
  headline?: string;
  greeting: string;
  paragraphs: string[];
  facts?: MessageFact[];
  button?: MessageButton;
}

/** A body whose headline is settled and whose button's address is final. */
export type LinkedBody = Omit<MessageBody, 'button' | 'headline' | 'facts'> & {
  headline: string;
  facts: MessageFact[];
  button?: { label: string; url: string };
};

/** The plain-text part: the same words as the HTML, in the same order. */
export function renderText(body: LinkedBody): string {
  const lines = [
    body.headline,
    '',
    body.greeting,
    '',
    ...body.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(body.facts.length ? [...body.facts.map((f) => `${f.label}: ${f.value}`), ''] : []),
  ];
  if (body.button) lines.push(`${body.button.label}: ${body.button.url}`, '');
  return lines.join('\n').trimEnd() + '\n';
}

const XHTML_DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/**
 * The HTML part: react-email's components rendered by React's own renderer for static HTML, with
 * the doctype email clients expect. Emails have no suspense or client code, so react-email's
 * streaming `render` would only add cost (about 1 ms more per email in the benchmark's worker).
 */
export function renderHtml(subject: string, body: LinkedBody): string {
  const page = createElement(EmailLayout, { platform: PLATFORM_NAME, subject, body });
  return XHTML_DOCTYPE + renderToStaticMarkup(page);
}

/**
 * One message in its recipient's words, for email and for the in-app notification. The email's
 * text and HTML wait for `renderEmail`, which knows how to sign the recipient's link.
 */
export interface RenderedMessage {
  subject: string;
  body: MessageBody;
  notification: { title: string; body: string; link: string };
}

export function renderMessage(
  subject: string,
  body: MessageBody,
  notification: RenderedMessage['notification'],
): RenderedMessage {
  return { subject, body, notification };
}

/** The email's text and HTML, its button turned into an address by `links`. */
export async function renderEmail(
  message: RenderedMessage,
  links: EmailLinks,
): Promise<{ subject: string; text: string; html: string }> {
  const { button, headline, facts, ...rest } = message.body;
  const body: LinkedBody = {
    ...rest,
    headline: headline ?? message.subject,
    facts: facts ?? [],
    ...(button
      ? {
          button: {
            label: button.label,
            url:
              'target' in button
                ? await links.signIn(button.target)
                : links.booking(button.bookingWith),
          },
        }
      : {}),
  };
  return {
    subject: message.subject,
    text: renderText(body),
    html: renderHtml(message.subject, body),
  };
}
