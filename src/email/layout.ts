import type { LinkTarget } from '../auth/sign-in-tokens.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

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

export interface MessageBody {
  greeting: string;
  paragraphs: string[];
  button?: MessageButton;
}

/** A body whose button's address is final. */
type LinkedBody = Omit<MessageBody, 'button'> & { button?: { label: string; url: string } };

export function renderText(body: LinkedBody): string {
  const lines = [body.greeting, '', ...body.paragraphs.flatMap((paragraph) => [paragraph, ''])];
  if (body.button) lines.push(`${body.button.label}: ${body.button.url}`, '');
  return lines.join('\n').trimEnd() + '\n';
}

export function renderHtml(subject: string, body: LinkedBody): string {
  const paragraphs = body.paragraphs
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('\n');
  const button = body.button
    ? `<p><a href="${escapeHtml(body.button.url)}" style="display:inline-block;padding:10px 18px;background:#2f6f4f;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(body.button.label)}</a></p>`
    : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5"><p>${escapeHtml(body.greeting)}</p>\n${paragraphs}\n${button}</body></html>`;
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
  const { button, ...rest } = message.body;
  const body: LinkedBody = button
    ? {
        ...rest,
        button: {
          label: button.label,
          url:
            'target' in button
              ? await links.signIn(button.target)
              : links.booking(button.bookingWith),
        },
      }
    : rest;
  return {
    subject: message.subject,
    text: renderText(body),
    html: renderHtml(message.subject, body),
  };
}
