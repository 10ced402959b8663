import { describe, it, expect } from 'vitest';
import { APPLICATION_STATES } from '../workflow/application-states';
import { INSTITUTION_QUEUES } from '../workflow/institution-queues';
import {
  ACTIVATION_CODE_ALPHABET, ACTIVATION_CODE_LENGTH, generateActivationCode, isActivationCodeShape, normalizeActivationCode,
} from './activation-code';
import { authorityReviewStatus, institutionReviewStatus } from './review-status';
import { expectedPracticeLocationCode } from './practice-location';
import { PHYSICIAN_ACCOUNT_STATUSES, PHYSICIAN_ACCOUNT_STATUS_LABELS, activationCodeRefusal } from './account-status';

describe('activation codes', () => {
  it('uses no look-alike characters', () => {
    for (const ch of '0O1IL') expect(ACTIVATION_CODE_ALPHABET).not.toContain(ch);
    expect(new Set(ACTIVATION_CODE_ALPHABET).size).toBe(ACTIVATION_CODE_ALPHABET.length);
  });

  it('builds 8 characters from the alphabet', () => {
    let i = 0;
    const code = generateActivationCode((n) => (i++ * 7) % n);
    expect(code).toHaveLength(ACTIVATION_CODE_LENGTH);
    expect(isActivationCodeShape(code)).toBe(true);
  });

  it('accepts what a person types: lower case, spaces, hyphens', () => {
    expect(normalizeActivationCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(isActivationCodeShape('abcd efgh')).toBe(true);
    expect(isActivationCodeShape('ABCD0FGH')).toBe(false);
    expect(isActivationCodeShape('ABCDEFG')).toBe(false);
  });
});

describe('review status columns', () => {
  it('says 已同意 for every state past the institution and nothing for drafts', () => {
    for (const s of [...INSTITUTION_QUEUES.in_progress.states, 'approved', 'refused'] as const) expect(institutionReviewStatus(s).label).toBe('已同意');
    expect(institutionReviewStatus('pending_institution').label).toBe('待确认');
    expect(institutionReviewStatus('refused_by_institution').label).toBe('不同意');
    expect(institutionReviewStatus('draft').label).toBe('—');
  });

  it('shows the authority column only once the institution has forwarded the application', () => {
    expect(authorityReviewStatus('pending_institution').label).toBe('—');
    expect(authorityReviewStatus('refused_by_institution').label).toBe('—');
    expect(authorityReviewStatus('approved').label).toBe('准予注册');
    for (const s of APPLICATION_STATES) expect(authorityReviewStatus(s).label.length).toBeGreaterThan(0);
  });
});

describe('expected 执业地点 (办法第七条)', () => {
  it('is the province for 执业医师 and the county for 执业助理医师', () => {
    expect(expectedPracticeLocationCode('physician', '110108')).toBe('110000');
    expect(expectedPracticeLocationCode('assistant', '110108')).toBe('110108');
  });
});

describe('physician account status', () => {
  it('labels the four states of the 医师账户激活 list', () => {
    expect(PHYSICIAN_ACCOUNT_STATUSES.map((s) => PHYSICIAN_ACCOUNT_STATUS_LABELS[s])).toEqual(['未注册账户', '已注册未校验', '已校验', '已激活']);
  });

  it('issues codes only to verified accounts that are not active', () => {
    expect(PHYSICIAN_ACCOUNT_STATUSES.map(activationCodeRefusal)).toEqual(['no_account', 'contact_unverified', null, 'already_active']);
  });
});
