/**
 * `npm run emails [folder]`: renders every email with sample data into HTML files a person can
 * open in a browser (and the plain-text part beside each), by default under .data/emails/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderEmail } from '../layout.js';
import {
  SAMPLE_CLIENT_ZONES,
  SAMPLE_LINKS,
  SAMPLE_SLOTS,
  sampleMessages,
  type SampleSlot,
} from './samples.js';

async function main() {
  const folder = resolve(process.argv[2] ?? '.data/emails');
  mkdirSync(folder, { recursive: true });
  const index: string[] = [];
  for (const slot of Object.keys(SAMPLE_SLOTS) as SampleSlot[])
    for (const zone of SAMPLE_CLIENT_ZONES)
      for (const [name, message] of Object.entries(sampleMessages(slot, zone))) {
        const email = await renderEmail(message, SAMPLE_LINKS);
        const file = `${slot}--${zone.replace('/', '-')}--${name}`;
        writeFileSync(join(folder, `${file}.html`), email.html);
        writeFileSync(join(folder, `${file}.txt`), `Subject: ${email.subject}\n\n${email.text}`);
        index.push(`<li><a href="${file}.html">${file}</a> (<a href="${file}.txt">text</a>)</li>`);
      }
  writeFileSync(
    join(folder, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>Emails</title><h1>Emails</h1><ul>${index.join('\n')}</ul>`,
  );
  console.log(`${index.length} emails rendered: open ${join(folder, 'index.html')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
