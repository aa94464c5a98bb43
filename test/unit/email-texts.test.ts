import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../src/email/layout.js';
import {
  SAMPLE_CLIENT_ZONES,
  SAMPLE_LINKS,
  sampleMessages,
  type SampleSlot,
} from '../../src/email/preview/samples.js';

/**
 * Every email's subject, plain-text part and in-app notification, as `npm run emails` renders
 * them: an ordinary slot and one across Berlin's change to winter time, for a client in New York
 * and in Berlin (the coach is in Berlin). A change of wording shows here, to be read and accepted.
 */
describe.each(['december', 'dst-change'] as SampleSlot[])('emails for a %s slot', (slot) => {
  describe.each(SAMPLE_CLIENT_ZONES)('with the client in %s', (zone) => {
    const messages = Object.entries(sampleMessages(slot, zone));
    it.each(messages)('%s', async (_name, message) => {
      const email = await renderEmail(message, SAMPLE_LINKS);
      const { title, body } = message.notification;
      expect(
        `Subject: ${email.subject}\n\n${email.text}\nNotification: ${title}: ${body}\n`,
      ).toMatchSnapshot();
    });
  });
});

describe('the HTML part', () => {
  it('has the headline, the slot and one button in the reader’s zone', async () => {
    const message = sampleMessages('dst-change', 'Europe/Berlin')['invite-sent']!;
    const { html } = await renderEmail(message, SAMPLE_LINKS);
    expect(html).toContain('Dana Weber invited you to a session</h1>');
    expect(html).toContain('Sun 25 Oct 2026, 02:00 GMT+2 – 03:00 GMT+1 (Europe/Berlin)');
    expect(html.match(/class="button"/g)).toHaveLength(1);
    expect(html).toContain('prefers-color-scheme: dark');
    expect(html).toContain('max-width:560px');
  });

  it('is a whole XHTML document with no markers of a streaming render', async () => {
    const message = sampleMessages('december', 'America/New_York')['invite-accepted-to-client']!;
    const { html } = await renderEmail(message, SAMPLE_LINKS);
    expect(html.startsWith('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"')).toBe(
      true,
    );
    expect(html).toMatch(/<html[^>]*>.*<\/html>$/s);
    // React's streaming render marks suspense boundaries and text joins; Outlook's own comments stay.
    expect(html).not.toMatch(/<!--(\$|\/\$| |html|head|body)-->/);
    expect(html).toContain('<!--[if mso]>');
  });
});
