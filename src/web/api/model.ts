import type { paths } from './schema';

/**
 * The API's answers, named for the pages, each taken from the generated contract (never copied
 * by hand): the JSON body of a route's success answer.
 */
type SuccessBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: { content: { 'application/json': infer T } } }
    ? T
    : R extends { 201: { content: { 'application/json': infer T } } }
      ? T
      : never
  : never;

export type Me = SuccessBody<'/v1/me', 'get'>;
export type Coach = SuccessBody<'/v1/coaches/{id}', 'get'>;
export type Invite = SuccessBody<'/v1/invites/{id}', 'get'>;
export type Session = SuccessBody<'/v1/sessions/{id}', 'get'>;
export type Questionnaire = SuccessBody<'/v1/sessions/{id}/questionnaire', 'get'>;
export type Question = Questionnaire['questions'][number];
export type Answers = NonNullable<Questionnaire['answers']>;
export type NotificationPage = SuccessBody<'/v1/notifications', 'get'>;
export type Notification = NotificationPage['items'][number];
export type AcceptAnswer = SuccessBody<'/v1/invites/{id}/accept', 'post'>;
export type DeclineAnswer = SuccessBody<'/v1/invites/{id}/decline', 'post'>;
export type CancelAnswer = SuccessBody<'/v1/sessions/{id}/cancel', 'post'>;
