// One package per component: the `@react-email/components` barrel would also load Tailwind,
// Markdown and Prism (a code highlighter) at every start, which no email here uses.
import { Body } from '@react-email/body';
import { Button } from '@react-email/button';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Heading } from '@react-email/heading';
import { Html } from '@react-email/html';
import { Link } from '@react-email/link';
import { Preview } from '@react-email/preview';
import { Section } from '@react-email/section';
import { Text } from '@react-email/text';
import type { LinkedBody } from '../layout.js';
import { colors, darkModeCss } from './theme.js';

/**
 * Every email's page: the platform's name, a headline, the greeting, the facts that matter (the
 * slot in the recipient's zone) in a box, the paragraphs, and one primary button with its address
 * written out below for mail apps that hide buttons. One column of at most 560 px, so it reads
 * the same on a phone; colours switch with the reader's dark mode (see `darkModeCss`).
 */
export function EmailLayout({
  platform,
  subject,
  body,
}: {
  platform: string;
  subject: string;
  body: LinkedBody;
}) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <title>{subject}</title>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <style>{darkModeCss}</style>
      </Head>
      <Preview>{body.paragraphs[0] ?? body.headline}</Preview>
      <Body className="page" style={page}>
        <Container style={container}>
          <Text className="brand" style={brand}>
            {platform}
          </Text>
          <Section className="card" style={card}>
            <Heading as="h1" className="headline" style={headline}>
              {body.headline}
            </Heading>
            <Text style={paragraph}>{body.greeting}</Text>
            {body.paragraphs.map((text, index) => (
              <Text key={index} style={paragraph}>
                {text}
              </Text>
            ))}
            <Facts facts={body.facts} />
            {body.button && <PrimaryButton {...body.button} />}
          </Section>
          <Text className="muted" style={footer}>
            {platform} sent this email about your coaching sessions.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** The facts that matter, such as the slot, in a tinted box. */
function Facts({ facts }: { facts: LinkedBody['facts'] }) {
  if (facts.length === 0) return null;
  return (
    <Section className="facts" style={factsBox}>
      {facts.map((fact) => (
        <Text key={fact.label} style={factText}>
          <span className="muted" style={factLabel}>
            {fact.label}
          </span>
          <br />
          <strong>{fact.value}</strong>
        </Text>
      ))}
    </Section>
  );
}

/** The one button, and its address for mail apps that show no buttons. */
function PrimaryButton({ label, url }: { label: string; url: string }) {
  return (
    <Section style={buttonRow}>
      <Button className="button" href={url} style={button}>
        {label}
      </Button>
      <Text className="muted" style={small}>
        Or open this address:{' '}
        <Link href={url} className="link" style={link}>
          {url}
        </Link>
      </Text>
    </Section>
  );
}

const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const page = { backgroundColor: colors.page, fontFamily: font, margin: 0, padding: '24px 0' };
const container = { maxWidth: '560px', width: '100%', margin: '0 auto', padding: '0 12px' };
const brand = { color: colors.brand, fontSize: '15px', fontWeight: 700, margin: '0 0 12px 4px' };
const card = {
  backgroundColor: colors.card,
  border: `1px solid ${colors.border}`,
  borderRadius: '10px',
  padding: '24px',
  color: colors.text,
};
const headline = { fontSize: '22px', lineHeight: '28px', margin: '0 0 16px', color: colors.text };
const paragraph = { fontSize: '16px', lineHeight: '24px', margin: '0 0 14px' };
const factsBox = {
  backgroundColor: colors.facts,
  borderRadius: '8px',
  padding: '4px 16px',
  margin: '4px 0 18px',
};
const factText = { fontSize: '16px', lineHeight: '22px', margin: '12px 0' };
const factLabel = { color: colors.muted, fontSize: '13px' };
const buttonRow = { margin: '8px 0 0' };
const button = {
  backgroundColor: colors.brand,
  color: '#ffffff',
  borderRadius: '6px',
  padding: '12px 20px',
  fontSize: '16px',
  fontWeight: 600,
  textDecoration: 'none',
  display: 'inline-block',
};
const small = {
  fontSize: '13px',
  lineHeight: '18px',
  color: colors.muted,
  wordBreak: 'break-all' as const,
};
const link = { color: colors.brand, textDecoration: 'underline' };
const footer = { fontSize: '12px', color: colors.muted, margin: '16px 4px 0' };
