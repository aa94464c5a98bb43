import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserWithRole } from '../../src/db/queries/users.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPerson } from '../support/fixtures.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe('a prepared statement', () => {
  it('runs with each call’s own values', async () => {
    const coachId = await seedPerson(database.db, 'coach');
    expect((await findUserWithRole(database.db, coachId, 'coach'))?.id).toBe(coachId);
    expect(await findUserWithRole(database.db, coachId, 'client')).toBeUndefined();
    expect(await findUserWithRole(database.db, randomUUID(), 'coach')).toBeUndefined();
  });

  it('is built for each database it runs on', async () => {
    const coachId = await seedPerson(database.db, 'coach');
    const other = await createTestDatabase();
    try {
      expect(await findUserWithRole(other.db, coachId, 'coach')).toBeUndefined();
      expect((await findUserWithRole(database.db, coachId, 'coach'))?.id).toBe(coachId);
    } finally {
      await other.drop();
    }
  });

  it('refuses to run inside a transaction, where it would escape it', async () => {
    const coachId = await seedPerson(database.db, 'coach');
    await expect(
      database.db.transaction((tx) => findUserWithRole(tx, coachId, 'coach')),
    ).rejects.toThrow('A prepared statement cannot join a transaction');
  });
});
