import { eventually } from '../../support/harness.js';
import type { FakeResend } from '../../support/fake-resend.js';

const unescape = (html: string) =>
  html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;|&#xa0;/gi, ' ')
    .replace(/&amp;/g, '&');

/**
 * Every link of an HTML email: its visible label (inner markup and comments dropped, spaces
 * collapsed) and its address, whatever the attributes' order.
 */
export function linksOf(html: string): { label: string; url: string }[] {
  return [...html.matchAll(/<a\b[^>]*?\shref="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map((match) => ({
    url: unescape(match[1]!),
    label: unescape(match[2]!.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, ''))
      .replace(/\s+/g, ' ')
      .trim(),
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
  const found = () =>
    resend
      .deliveredTo(to)
      .flatMap((email) => linksOf(email.body.html).map((link) => `"${link.label}" ${link.url}`));
  return eventually(async () => {
    for (const email of resend.deliveredTo(to).reverse()) {
      const link = linksOf(email.body.html).find(
        (candidate) =>
          candidate.label === label && decodeURIComponent(candidate.url).includes(about),
      );
      if (link) return link.url;
    }
    return null;
  }).catch(() => {
    throw new Error(`No "${label}" link about ${about || 'anything'} to ${to}; links seen:
  ${found().join('\n  ') || '(none)'}`);
  });
}
