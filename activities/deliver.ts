import { notificationKey, type NoticeParties } from '../src/db/queries/notifications.js';
import type { Recipient } from '../src/domain/events.js';
import type { Person } from '../src/domain/model.js';
import { signInLink } from '../src/auth/sign-in-tokens.js';
import { bookingUrlFor, defaultBookingUrl } from '../src/domain/booking-url.js';
import type { EmailAttachment } from '../src/email/attachment.js';
import { renderEmail, type EmailLinks, type RenderedMessage } from '../src/email/layout.js';
import type { ActivityDeps } from './deps.js';

type Outcome = 'sent' | 'skipped';

/** One thing to tell some of an invite's or session's two people. */
export interface Notice {
  /** The people as read with the notice, each with whether they were told already. */
  parties: NoticeParties;
  recipients: Recipient[];
  type: string;
  /** What the message is about, and when one subject has several: the key's middle. */
  subject: string;
  overtaken?: () => boolean | Promise<boolean>;
  render: (recipient: Recipient, people: { coach: Person; client: Person }) => RenderedMessage;
  /** Files for a recipient's email (its calendar event); asked only while nothing is recorded yet. */
  attach?: (recipient: Recipient) => Promise<EmailAttachment[]>;
}

/**
 * Tells each recipient, in order, one thing: an in-app notification and an email under the same
 * key (`<type>:<subject>:<recipient id>`), each recorded once, so a retried activity neither
 * notifies nor emails twice. The message is rendered in the recipient's own zone. A message
 * already recorded is delivered as recorded, whatever happened since; one not yet recorded is
 * skipped when `overtaken` says events made it wrong to send. The email's button is a sign-in
 * link for the recipient alone.
 */
export async function deliverToParties(deps: ActivityDeps, notice: Notice): Promise<Outcome[]> {
  const recorded = recordedKeys(notice);
  const outcomes: Outcome[] = [];
  for (const recipient of notice.recipients)
    outcomes.push(await deliverToParty(deps, notice, recipient, recorded));
  return outcomes;
}

const keyOf = (notice: Notice, recipient: Recipient) =>
  notificationKey(notice.type, notice.subject, notice.parties[recipient].id);

/** Keys recorded before the notice, and then as it records them: a key named twice is told once. */
function recordedKeys(notice: Notice): Set<string> {
  const told = notice.recipients.filter((recipient) => notice.parties.told[recipient]);
  return new Set(told.map((recipient) => keyOf(notice, recipient)));
}

async function deliverToParty(
  deps: ActivityDeps,
  notice: Notice,
  recipient: Recipient,
  recorded: Set<string>,
): Promise<Outcome> {
  const { email, clock } = deps;
  const key = keyOf(notice, recipient);
  const told = recorded.has(key);
  if (!told && (await notice.overtaken?.())) return 'skipped';
  const { coach, client } = notice.parties;
  const person = notice.parties[recipient];
  const message = notice.render(recipient, { coach, client });
  const rendered = await renderEmail(message, emailLinks(deps, person.id));
  const attachments = told ? [] : ((await notice.attach?.(recipient)) ?? []);
  await email.send(
    {
      idempotencyKey: key,
      template: notice.type,
      recipientId: person.id,
      to: person.email,
      ...rendered,
      attachments,
    },
    { userId: person.id, key, type: notice.type, ...message.notification, createdAt: clock() },
  );
  recorded.add(key);
  return 'sent';
}

function emailLinks(deps: ActivityDeps, recipientId: string): EmailLinks {
  const now = deps.clock();
  return {
    signIn: (target) =>
      signInLink(deps.authJwtSecret, { appUrl: deps.appUrl, userId: recipientId, now, target }),
    booking: (coachId) => bookingUrlFor(deps.bookingUrl ?? defaultBookingUrl(deps.appUrl), coachId),
  };
}
