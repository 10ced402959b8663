import { describe, expect, it } from 'vitest';
import {
  CERTIFICATE_EVENTS, CERTIFICATE_STATUSES, CERTIFICATE_TABLE, TERMINAL_CERTIFICATE_STATUSES, allowedCertificateEvents, certificateTransition,
  type CertificateEvent, type CertificateStatus,
} from './certificate-lifecycle';
import { decision } from './lifecycle-causes';
import { assertCausePermitted } from './state-table';

const ROWS: [CertificateStatus | null, CertificateEvent, CertificateStatus][] = [
  [null, 'issue', 'issued'],
  ['issued', 'supersede', 'superseded'],
  ['issued', 'void', 'voided'],
];

describe('certificate lifecycle (domain §2.2 BT-09)', () => {
  it('has exactly these rows', () => {
    const table = CERTIFICATE_EVENTS.flatMap((e) => CERTIFICATE_TABLE[e].from.map((f) => `${f} ${e} ${CERTIFICATE_TABLE[e].to}`)).sort();
    expect(table).toEqual(ROWS.map(([f, e, t]) => `${f} ${e} ${t}`).sort());
  });

  it.each([null, ...CERTIFICATE_STATUSES].flatMap((s) => CERTIFICATE_EVENTS.map((e) => [s, e] as const)))('%s --%s--> the table target or a refusal', (status, event) => {
    const row = ROWS.find(([f, e]) => f === status && e === event);
    if (row) expect(certificateTransition(status, event)).toBe(row[2]);
    else {
      expect(() => certificateTransition(status, event)).toThrowError(expect.objectContaining({
        code: 'CERTIFICATE_EVENT_NOT_ALLOWED', extra: expect.objectContaining({ allowedEvents: allowedCertificateEvents(status) }),
      }));
    }
  });

  it('never reissues a superseded or voided certificate: 已换发 and 已废止 are final', () => {
    expect([...TERMINAL_CERTIFICATE_STATUSES].sort()).toEqual(['superseded', 'voided']);
  });

  it('《医师法》第十七条: only a cancelled registration voids a certificate, not a 补发', () => {
    expect(() => assertCausePermitted(CERTIFICATE_TABLE, 'void', { kind: 'registration_closed' })).not.toThrow();
    expect(() => assertCausePermitted(CERTIFICATE_TABLE, 'void', decision('certificate_reissue'))).toThrow();
    expect(() => assertCausePermitted(CERTIFICATE_TABLE, 'supersede', decision('certificate_reissue'))).not.toThrow();
  });
});
