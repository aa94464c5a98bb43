/** The emails' colours: the app's green, with contrast of at least 4.5:1 for text. */
export const colors = {
  page: '#f4f5f4',
  card: '#ffffff',
  border: '#dfe3df',
  text: '#1d2320',
  muted: '#5a635e',
  brand: '#2f6f4f',
  facts: '#eef4f0',
};

/**
 * Mail apps that honour `prefers-color-scheme` (Apple Mail, Outlook on the Mac, some phones) get
 * dark colours; the others invert the light ones on their own, which these colours survive.
 */
export const darkModeCss = `
@media (prefers-color-scheme: dark) {
  .page, .page > table > tbody > tr > td { background-color: #121513 !important; }
  .card { background-color: #1d2320 !important; border-color: #35403a !important; color: #e8ece9 !important; }
  .headline { color: #f2f5f3 !important; }
  .facts { background-color: #26302b !important; }
  .muted { color: #a9b3ad !important; }
  .brand { color: #7fc8a0 !important; }
  .button { background-color: #3d8a63 !important; }
  .link { color: #7fc8a0 !important; }
}
@media only screen and (max-width: 480px) {
  .card { padding: 18px !important; }
}`;
