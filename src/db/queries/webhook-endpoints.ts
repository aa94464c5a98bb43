import { and, desc, eq } from 'drizzle-orm';
import type { WebhookEventType } from '../../domain/webhook-events.js';
import type { DbOrTx } from '../client.js';
import { webhookEndpoints } from '../schema.js';
import { afterKey, pageOf, type Page, type PageRequest } from './pages.js';

type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** An endpoint as the API shows it: never its secret. */
export interface WebhookEndpointView {
  id: string;
  url: string;
  events: WebhookEventType[];
  description: string | null;
  enabled: boolean;
  createdAt: string;
}

export const toEndpointView = (row: EndpointRow): WebhookEndpointView => ({
  id: row.id,
  url: row.url,
  events: row.events,
  description: row.description,
  enabled: row.enabled,
  createdAt: row.createdAt.toISOString(),
});

export async function insertWebhookEndpoint(
  db: DbOrTx,
  input: { url: string; events: WebhookEventType[]; description: string | null; secret: string },
  at: Date,
): Promise<WebhookEndpointView> {
  const [row] = await db
    .insert(webhookEndpoints)
    .values({ ...input, enabled: true, createdAt: at })
    .returning();
  return toEndpointView(row!);
}

export async function findWebhookEndpoint(db: DbOrTx, id: string) {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row;
}

/** A page of endpoints, newest first. */
export async function listWebhookEndpoints(
  db: DbOrTx,
  page: PageRequest,
): Promise<Page<WebhookEndpointView>> {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(and(afterKey(webhookEndpoints.createdAt, webhookEndpoints.id, page.after, 'desc')))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id))
    .limit(page.limit + 1);
  return pageOf(rows, page.limit, (row) => ({ at: row.createdAt, id: row.id }), toEndpointView);
}

export async function updateWebhookEndpoint(
  db: DbOrTx,
  id: string,
  changes: Partial<Pick<EndpointRow, 'url' | 'events' | 'enabled' | 'description'>>,
): Promise<WebhookEndpointView | undefined> {
  if (Object.keys(changes).length === 0) {
    const row = await findWebhookEndpoint(db, id);
    return row && toEndpointView(row);
  }
  const [row] = await db
    .update(webhookEndpoints)
    .set(changes)
    .where(eq(webhookEndpoints.id, id))
    .returning();
  return row && toEndpointView(row);
}

/** Deletes an endpoint with its deliveries and their attempts; false when there was none. */
export async function deleteWebhookEndpoint(db: DbOrTx, id: string): Promise<boolean> {
  const removed = await db
    .delete(webhookEndpoints)
    .where(eq(webhookEndpoints.id, id))
    .returning({ id: webhookEndpoints.id });
  return removed.length > 0;
}
