import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const InviteStatusKey = defineSearchAttributeKey(
  'InviteStatus',
  SearchAttributeType.KEYWORD,
);
export const SessionStatusKey = defineSearchAttributeKey(
  'SessionStatus',
  SearchAttributeType.KEYWORD,
);
export const CoachIdKey = defineSearchAttributeKey('CoachId', SearchAttributeType.KEYWORD);
export const ClientIdKey = defineSearchAttributeKey('ClientId', SearchAttributeType.KEYWORD);
export const SlotStartKey = defineSearchAttributeKey('SlotStart', SearchAttributeType.DATETIME);

export const SEARCH_ATTRIBUTES = [
  InviteStatusKey,
  SessionStatusKey,
  CoachIdKey,
  ClientIdKey,
  SlotStartKey,
] as const;
