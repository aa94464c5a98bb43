import { call, freshSlot, type Pair } from './people.js';
import type { Stack } from './processes.js';
import { sample } from './proc-stats.js';
import { eachLimited } from './stats.js';

export interface RssPoint {
  waiting: number;
  apiMiB: number;
  workerMiB: number;
  serviceMiB: number;
}

const CREATE_CONCURRENCY = 8;
const SETTLE_MS = 3_000;

export function serviceRss(waiting: number): RssPoint {
  const { rssMiB } = sample();
  return {
    waiting,
    apiMiB: rssMiB.api,
    workerMiB: rssMiB.worker,
    serviceMiB: rssMiB.api + rssMiB.worker,
  };
}

/** Creates waiting invites through the API up to each count, reading the service's RSS at each. */
export async function rssWithWaitingInvites(
  stack: Stack,
  pairs: Pair[],
  counts: number[],
): Promise<RssPoint[]> {
  const points: RssPoint[] = [];
  let created = 0;
  for (const count of counts) {
    const todo = Array.from(
      { length: count - created },
      (_, n) => pairs[(created + n) % pairs.length]!,
    );
    await eachLimited(todo, CREATE_CONCURRENCY, async (pair) => {
      await call(stack, 'POST', '/v1/invites', pair.coach.token, {
        clientId: pair.client.id,
        ...freshSlot(),
      });
    });
    created = count;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    points.push(serviceRss(count));
  }
  return points;
}
