import type { components } from './schema';

/** What the coach's pages read, taken from the generated contract. */
export type Client = components['schemas']['Client'];
export type ClientPage = components['schemas']['ClientPage'];
