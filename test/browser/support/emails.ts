import { eventually } from '../../support/harness.js';
import type { FakeResend } from '../../support/fake-resend.js';

const unescape = (html: string) =>
  html
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/** Every button-like link of an HTML email: its label and its address. */
export function linksOf(html: string): { label: string; url: string }[] {
  return [...html.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((match) => ({
    url: unescape(match[1]!),
    label: unescape(match[2]!).trim(),
  }));
}

/**
 * Waits for an email to `to` with a button labelled `label` whose address mentions `about` (an
 * invite's or session's id), and answers that address, as a person clicking it would follow it.
 */
export function buttonLink(
  resend: FakeResend,
  to: string,
  label: string,
  about = '',
): Promise<string> {
  return eventually(async () => {
    for (const email of resend.deliveredTo(to).reverse()) {
      const link = linksOf(email.body.html).find(
        (candidate) =>
          candidate.label === label && decodeURIComponent(candidate.url).includes(about),
      );
      if (link) return link.url;
    }
    return null;
  });
}
