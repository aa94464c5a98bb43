const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

export interface MessageBody {
  greeting: string;
  paragraphs: string[];
  button?: { label: string; url: string };
}

export function renderText(body: MessageBody): string {
  const lines = [body.greeting, '', ...body.paragraphs.flatMap((paragraph) => [paragraph, ''])];
  if (body.button) lines.push(`${body.button.label}: ${body.button.url}`, '');
  return lines.join('\n').trimEnd() + '\n';
}

export function renderHtml(subject: string, body: MessageBody): string {
  const paragraphs = body.paragraphs
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('\n');
  const button = body.button
    ? `<p><a href="${escapeHtml(body.button.url)}" style="display:inline-block;padding:10px 18px;background:#2f6f4f;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(body.button.label)}</a></p>`
    : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5"><p>${escapeHtml(body.greeting)}</p>\n${paragraphs}\n${button}</body></html>`;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  notification: { title: string; body: string; link: string };
}

/** One message rendered for email (text and HTML) and for the in-app notification. */
export function renderMessage(
  subject: string,
  body: MessageBody,
  notification: RenderedMessage['notification'],
): RenderedMessage {
  return { subject, text: renderText(body), html: renderHtml(subject, body), notification };
}
