import { describe, expect, it } from 'vitest';
import { SharedHitCounter } from '../../src/security/shared-hit-counter';
import type { Db } from '../../src/db/engine';

/** A database whose writes wait until released, as a busy server's do. */
function slowDb() {
  const waiting: Array<() => void> = [];
  const db = {
    execute: async () => {
      await new Promise<void>((resolve) => waiting.push(resolve));
      return { rows: [] as unknown[] };
    },
  } as unknown as Db;
  return { db, release: () => { for (const r of waiting.splice(0)) r(); } };
}

describe('a public quota counts every hit while its counts are being written', () => {
  it('counts the hits of a flush still in flight (a slow database never lets a client past the limit)', async () => {
    const slow = slowDb();
    const counter = new SharedHitCounter(slow.db);
    const now = new Date('2026-11-27T06:00:01Z');
    for (let i = 0; i < 59; i++) counter.hit('fhir:minute:192.0.2.60', 60, now);
    const writing = counter.flush();
    await new Promise((resolve) => setImmediate(resolve));
    // The 59 hits are on their way to the database; the next ones still count on top of them.
    expect(counter.hit('fhir:minute:192.0.2.60', 60, now).hits).toBe(60);
    expect(counter.hit('fhir:minute:192.0.2.60', 60, now).hits).toBe(61);
    slow.release();
    await writing;
  });
});
