import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWERS, type AnswerName } from '../../src/api/answer-schemas.js';
import { DEFAULT_QUESTIONS } from '../../src/domain/questions.js';
import { eventually, startHarness, type Harness } from '../support/harness.js';
import { emailsOf, slot, workflowResult } from '../support/invites.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    env: { BOOKING_URL: 'https://book.example.com/coaches/{coachId}', CANCELLATION_WINDOW: '24h' },
  });
});
afterAll(() => h.close());

const APP = 'https://app.example.com';
const linkIn = (text: string) => /(https:\/\/app\.example\.com\/auth\/link\?\S+)/.exec(text)?.[1];

/** Opens a sign-in link as a fresh browser would: the session cookie it sets, and where it lands. */
async function follow(link: string) {
  const url = new URL(link);
  const response = await fetch(`${h.baseUrl}${url.pathname}${url.search}`, { redirect: 'manual' });
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { status: response.status, location: response.headers.get('location'), cookie };
}

/** The web app's own requests: the session cookie, and for changes the app's Origin. */
function browser(cookie: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${h.baseUrl}${path}`, {
      method,
      headers: {
        cookie,
        origin: APP,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}) => call('POST', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
  };
}

async function invited(credits = 2, daysAhead = 4, hour = 0) {
  const coach = await h.createUser('coach', { name: 'Dana Coach' });
  const client = await h.createUser('client', { name: 'Casey Client', credits, coach });
  const invite = (
    await coach.api.post('/v1/invites', { clientId: client.id, ...slot(daysAhead, hour) })
  ).body;
  const [email] = await eventually(async () => {
    const sent = h.resend.deliveredTo(client.email);
    return sent.length ? sent : undefined;
  });
  return { coach, client, invite, link: linkIn(email!.body.text)! };
}

describe('the invite email’s button', () => {
  it('signs its client in, repeatedly, on the invite, and the browser can accept it', async () => {
    const { client, invite, link } = await invited();
    expect(link).toMatch(new RegExp(`&next=/invites/${invite.id}$`));
    const first = await follow(link);
    const again = await follow(link);
    for (const opened of [first, again]) {
      expect(opened).toMatchObject({ status: 303, location: `/invites/${invite.id}` });
      expect(opened.cookie).toMatch(/^coach_session=/);
    }
    const app = browser(first.cookie);
    expect((await app.get('/v1/me')).body).toMatchObject({ id: client.id, balance: 2 });
    expect((await app.get(`/v1/invites/${invite.id}`)).body.status).toBe('pending');
    const accepted = await app.post(`/v1/invites/${invite.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.next.url).toBe(
      `${APP}/sessions/${accepted.body.session.id}/questionnaire`,
    );
    expect((await app.get('/v1/me')).body.balance).toBe(1);
  });

  it('opens nothing of one client’s for another client', async () => {
    const first = await invited();
    const second = await invited();
    const app = browser((await follow(second.link)).cookie);
    expect((await app.get(`/v1/invites/${first.invite.id}`)).status).toBe(404);
    expect((await app.post(`/v1/invites/${first.invite.id}/accept`)).status).toBe(404);
    expect((await first.client.api.get(`/v1/invites/${first.invite.id}`)).body.status).toBe(
      'pending',
    );
  });

  it('lands the accepted email’s button on the questionnaire and the coach’s on the session', async () => {
    const { coach, client, invite } = await invited(2, 5);
    const session = (await client.api.post(`/v1/invites/${invite.id}/accept`, {})).body.session;
    await workflowResult(h, invite.id);
    const toClient = (await emailsOf(h, 'invite_accepted', client.id))[0]!;
    const toCoach = (await emailsOf(h, 'invite_accepted', coach.id))[0]!;
    expect((await follow(linkIn(toClient.text)!)).location).toBe(
      `/sessions/${session.id}/questionnaire`,
    );
    const coachLanding = await follow(linkIn(toCoach.text)!);
    expect(coachLanding.location).toBe(`/sessions/${session.id}`);
    expect((await browser(coachLanding.cookie).get('/v1/me')).body.id).toBe(coach.id);
  });
});

describe('questions', () => {
  it('start with the default set, which an operator replaces for sessions booked later', async () => {
    const before = await invited(3, 6);
    const kept = (await before.client.api.post(`/v1/invites/${before.invite.id}/accept`, {})).body
      .session;
    expect((await h.operator.get('/v1/questionnaire')).body).toEqual({
      questions: DEFAULT_QUESTIONS,
    });
    const questions = [
      { id: 'goal', label: 'Your goal?', kind: 'text', required: true },
      { id: 'mood', label: 'Mood?', kind: 'choice', options: ['calm', 'tense'], required: true },
      { id: 'energy', label: 'Energy?', kind: 'scale', required: false },
    ];
    expect((await before.client.api.put('/v1/questionnaire', { questions })).status).toBe(403);
    const replaced = await h.operator.put('/v1/questionnaire', { questions });
    expect(replaced).toMatchObject({ status: 200, body: { questions } });

    const after = await invited(3, 6, 2);
    const session = (await after.client.api.post(`/v1/invites/${after.invite.id}/accept`, {})).body
      .session;
    const path = `/v1/sessions/${session.id}/questionnaire`;
    expect((await after.coach.api.get(path)).body).toMatchObject({ status: 'pending', questions });
    expect((await h.operator.get(`/v1/sessions/${kept.id}/questionnaire`)).body.questions).toEqual(
      DEFAULT_QUESTIONS,
    );

    const refused = await after.client.api.put(path, {
      answers: { mood: 'angry', energy: 9, other: 'x' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('validation_failed');
    expect(refused.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.answers.energy',
      'body.answers.goal',
      'body.answers.mood',
      'body.answers.other',
    ]);
    const saved = await after.client.api.put(path, {
      answers: { goal: 'Say no', mood: 'calm', energy: 4 },
    });
    expect(saved.body).toMatchObject({
      status: 'submitted',
      answers: { goal: 'Say no', mood: 'calm', energy: 4 },
    });
    await h.operator.put('/v1/questionnaire', { questions: DEFAULT_QUESTIONS });
  });

  it('refuses a set that is not one', async () => {
    for (const questions of [
      [],
      [{ id: 'a', label: 'A', kind: 'choice', required: true }],
      [{ id: 'a', label: 'A', kind: 'text', options: ['x', 'y'], required: true }],
      [
        { id: 'a', label: 'A', kind: 'text', required: true },
        { id: 'a', label: 'B', kind: 'text', required: false },
      ],
      [{ id: 'a', label: 'A', kind: 'essay', required: true }],
    ]) {
      const refused = await h.operator.put('/v1/questionnaire', { questions });
      expect(refused.body.code).toBe('validation_failed');
    }
  });
});

describe('a session’s cancellation terms and the rebook link', () => {
  it('tell each side what cancelling now refunds, and nothing once cancelled', async () => {
    const { coach, client, invite } = await invited(2, 3, 4);
    const session = (await client.api.post(`/v1/invites/${invite.id}/accept`, {})).body.session;
    const refundUntil = new Date(new Date(session.startsAt).getTime() - 86_400_000).toISOString();
    expect(session.cancellationTerms).toEqual({ refundedCredits: 1, refundUntil });
    expect((await coach.api.get(`/v1/sessions/${session.id}`)).body.cancellationTerms).toEqual({
      refundedCredits: 1,
      refundUntil: null,
    });
    expect((await client.api.get('/v1/sessions')).body.items[0].cancellationTerms.refundUntil).toBe(
      refundUntil,
    );
    const cancelled = await client.api.post(`/v1/sessions/${session.id}/cancel`, {});
    expect(cancelled.body.session.cancellationTerms).toBeNull();
  });

  it('sends a decline-and-rebook to BOOKING_URL with the coach filled in', async () => {
    const { coach, client, invite } = await invited(1, 2, 6);
    const declined = await client.api.post(`/v1/invites/${invite.id}/decline`, { rebook: true });
    const url = `https://book.example.com/coaches/${coach.id}`;
    expect(declined.body.next).toEqual({ type: 'rebook', url });
    await workflowResult(h, invite.id);
    expect((await emailsOf(h, 'invite_declined', client.id))[0]?.text).toContain(
      `Book a new time: ${url}`,
    );
  });
});

describe('answers', () => {
  /** Parsing drops keys a schema does not name, so equality means no field is undocumented. */
  const described = (name: AnswerName, body: unknown) =>
    expect(ANSWERS[name].parse(body), name).toEqual(body);

  it('are what the OpenAPI document’s schemas describe, field for field', async () => {
    const { coach, client, invite } = await invited(2, 8);
    const app = browser((await follow((await invited(1, 9)).link)).cookie);
    described('Me', (await app.get('/v1/me')).body);
    described('Me', (await coach.api.get('/v1/me')).body);
    described('Coach', (await client.api.get(`/v1/coaches/${coach.id}`)).body);
    described('Invite', (await client.api.get(`/v1/invites/${invite.id}`)).body);
    described('InvitePage', (await client.api.get('/v1/invites')).body);
    const accepted = (await client.api.post(`/v1/invites/${invite.id}/accept`, {})).body;
    described('Accepted', accepted);
    const sessionPath = `/v1/sessions/${accepted.session.id}`;
    described('Session', (await coach.api.get(sessionPath)).body);
    described('SessionPage', (await client.api.get('/v1/sessions')).body);
    described('Questionnaire', (await client.api.get(`${sessionPath}/questionnaire`)).body);
    described(
      'Questionnaire',
      (await client.api.put(`${sessionPath}/questionnaire`, { answers: { focus: 'x' } })).body,
    );
    described('Credits', (await client.api.get('/v1/credits')).body);
    described('NotificationPage', (await client.api.get('/v1/notifications')).body);
    described('QuestionSet', (await h.operator.get('/v1/questionnaire')).body);
    described('User', (await h.operator.get(`/v1/users/${client.id}`)).body);
    described('SessionCancelled', (await coach.api.post(`${sessionPath}/cancel`, {})).body);
  });
});
