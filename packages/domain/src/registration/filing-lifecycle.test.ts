import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import {
  FILING_EVENTS, FILING_STATUSES, FILING_TABLE, TERMINAL_FILING_STATUSES, allowedFilingEvents, filingInForce, filingStatusOn,
  filingTransition, filingsDueToExpire, type FilingEvent, type FilingStatus,
} from './filing-lifecycle';

/** domain §3.1 C: 申请中 → 有效 → 到期 / 撤销. */
const ROWS: [FilingStatus | null, FilingEvent, FilingStatus][] = [
  [null, 'submit', 'pending'],
  ['pending', 'approve', 'active'],
  ['pending', 'abandon', 'revoked'],
  ['active', 'modify', 'active'],
  ['active', 'move', 'active'],
  ['active', 'end', 'revoked'],
  ['active', 'expire', 'expired'],
];

describe('multi-site filing lifecycle (domain §3.1 C)', () => {
  it('has exactly these rows', () => {
    const table = FILING_EVENTS.flatMap((e) => FILING_TABLE[e].from.map((f) => `${f} ${e} ${FILING_TABLE[e].to}`)).sort();
    expect(table).toEqual(ROWS.map(([f, e, t]) => `${f} ${e} ${t}`).sort());
  });

  it.each([null, ...FILING_STATUSES].flatMap((s) => FILING_EVENTS.map((e) => [s, e] as const)))('%s --%s--> the table target or a refusal', (status, event) => {
    const row = ROWS.find(([f, e]) => f === status && e === event);
    if (row) {
      expect(filingTransition(status, event)).toBe(row[2]);
      return;
    }
    let error: unknown;
    try {
      filingTransition(status, event);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('FILING_EVENT_NOT_ALLOWED');
    expect((error as DomainError).extra?.allowedEvents).toEqual(allowedFilingEvents(status));
  });

  it('ends in 到期 or 撤销', () => {
    expect([...TERMINAL_FILING_STATUSES].sort()).toEqual(['expired', 'revoked']);
  });

  it('domain §2.2 BT-05: a filing ends at its end date by itself', () => {
    const filing = { status: 'active' as const, validFrom: '2026-01-01', validTo: '2026-06-30' };
    expect(filingInForce(filing, '2025-12-31')).toBe(false);
    expect(filingInForce(filing, '2026-01-01')).toBe(true);
    expect(filingInForce(filing, '2026-06-30')).toBe(true);
    expect(filingInForce(filing, '2026-07-01')).toBe(false);
    expect(filingStatusOn(filing, '2026-06-30')).toBe('active');
    expect(filingStatusOn(filing, '2026-07-01')).toBe('expired');
    expect(filingsDueToExpire([filing, { ...filing, validTo: '2026-12-31' }, { ...filing, status: 'revoked' as const }], '2026-07-01')).toEqual([filing]);
    expect(filingTransition('active', 'expire')).toBe('expired');
  });
});
