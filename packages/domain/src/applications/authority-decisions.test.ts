import { describe, expect, it } from 'vitest';
import { AUTHORITY_QUEUES, AUTHORITY_QUEUE_IDS, authorityQueueOf } from '../workflow/authority-queues';
import { REFUSAL_GROUNDS, RefusalDecision, authorityDocumentPrefix, refusalDocumentNo } from './authority-decisions';

describe('written decisions', () => {
  it('numbers a refusal with the authority short name, the year and the serial', () => {
    expect(refusalDocumentNo({ areaCode: '110108', level: 'county' }, 2026, 3)).toBe('京海卫不予注册〔2026〕3号');
    expect(authorityDocumentPrefix({ areaCode: '440300', level: 'city' })).toBe('粤深卫');
    expect(authorityDocumentPrefix({ areaCode: '110000', level: 'province' })).toBe('京卫');
    expect(authorityDocumentPrefix({ areaCode: '000000', level: 'national' })).toBe('国卫');
  });

  it('requires written reasons for a refusal', () => {
    expect(RefusalDecision.safeParse({ reasons: '   ' }).success).toBe(false);
    expect(RefusalDecision.parse({ reasons: ` ${REFUSAL_GROUNDS[2].text} ` }).reasons).toBe(REFUSAL_GROUNDS[2].text);
  });

  it('cites the five grounds of 《医师法》第十六条', () => {
    expect(REFUSAL_GROUNDS).toHaveLength(5);
    for (const g of REFUSAL_GROUNDS) expect(g.text).toContain('第十六条');
  });
});

describe('authority queues', () => {
  it('files each state the authority handles in exactly one queue', () => {
    expect(AUTHORITY_QUEUE_IDS.map((q) => AUTHORITY_QUEUES[q].label)).toEqual(['正在申办', '已受理', '退回补正', '已办结']);
    expect(authorityQueueOf('approved')).toBe('completed');
    expect(authorityQueueOf('refused')).toBe('completed');
    expect(authorityQueueOf('pending_institution')).toBeUndefined();
  });
});
