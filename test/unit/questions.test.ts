import { describe, expect, it } from 'vitest';
import { checkAnswers } from '../../src/domain/answers.js';
import { cancellationTerms } from '../../src/domain/cancellation-terms.js';
import { DEFAULT_QUESTIONS, type Question } from '../../src/domain/questions.js';

const QUESTIONS: Question[] = [
  { id: 'focus', label: 'Focus?', kind: 'longText', required: true },
  { id: 'title', label: 'Title?', kind: 'text', required: false },
  { id: 'mood', label: 'Mood?', kind: 'choice', options: ['good', 'bad'], required: false },
  { id: 'energy', label: 'Energy?', kind: 'scale', required: true },
];

describe('checkAnswers', () => {
  it('keeps answers that fit and drops blank optional ones', () => {
    expect(checkAnswers(QUESTIONS, { focus: 'Pay', title: '  ', mood: 'good', energy: 5 })).toEqual(
      {
        ok: true,
        answers: { focus: 'Pay', mood: 'good', energy: 5 },
      },
    );
  });

  it('names each question whose answer is missing, of the wrong kind or unknown', () => {
    const result = checkAnswers(QUESTIONS, {
      focus: ' ',
      title: 'x'.repeat(501),
      mood: 'meh',
      energy: 6,
      extra: 'x',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.questionId).sort()).toEqual([
      'energy',
      'extra',
      'focus',
      'mood',
      'title',
    ]);
  });

  it.each([0, 2.5, '3', null])('refuses %j on a required 1–5 scale', (energy) => {
    expect(checkAnswers(QUESTIONS, { focus: 'x', energy }).ok).toBe(false);
  });

  it('asks the default set’s focus question and nothing else of it', () => {
    expect(DEFAULT_QUESTIONS.map((question) => question.id)).toEqual(['focus', 'changes', 'notes']);
    expect(checkAnswers(DEFAULT_QUESTIONS, { focus: 'Delegation' }).ok).toBe(true);
    expect(checkAnswers(DEFAULT_QUESTIONS, { changes: 'More sleep' }).ok).toBe(false);
  });
});

describe('cancellationTerms', () => {
  const HOUR = 3_600_000;
  const startsAt = new Date('2026-12-10T15:00:00.000Z');
  const session = { status: 'booked', startsAt, creditCost: 2 };
  const at = (hoursBefore: number) => new Date(startsAt.getTime() - hoursBefore * HOUR);
  const terms = (by: 'coach' | 'client', now: Date, status = 'booked') =>
    cancellationTerms({ by, now, session: { ...session, status }, windowMs: 24 * HOUR });

  it('refunds a client in full until the window, then nothing, and says until when', () => {
    expect(terms('client', at(24))).toEqual({
      refundedCredits: 2,
      refundUntil: '2026-12-09T15:00:00.000Z',
    });
    expect(terms('client', at(23.99))).toEqual({
      refundedCredits: 0,
      refundUntil: '2026-12-09T15:00:00.000Z',
    });
  });

  it('always refunds in full when the coach cancels', () => {
    expect(terms('coach', at(1))).toEqual({ refundedCredits: 2, refundUntil: null });
  });

  it('is null once the session started or is no longer booked', () => {
    expect(terms('client', at(0))).toBeNull();
    expect(terms('coach', at(-1))).toBeNull();
    expect(terms('client', at(48), 'cancelled')).toBeNull();
    expect(terms('coach', at(48), 'completed')).toBeNull();
  });
});
