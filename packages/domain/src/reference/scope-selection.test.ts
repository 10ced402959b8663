import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors';
import { PRACTICE_CATEGORIES } from './practice-categories';
import { PRACTICE_SCOPES } from './practice-scopes';
import { MAX_SCOPES_DEFAULT, MAX_SCOPES_GRASSROOTS, checkScopeSelection, type ScopeSelection } from './scope-selection';

function refusal(sel: ScopeSelection): DomainError | undefined {
  try {
    checkScopeSelection(sel);
    return undefined;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
}

describe('checkScopeSelection', () => {
  it('accepts one scope of the registered category', () => {
    expect(checkScopeSelection({ category: 'clinical', scopeCodes: ['11'], grassroots: false }).map((s) => s.name)).toEqual(['内科专业']);
  });

  it('requires at least one scope', () => {
    expect(refusal({ category: 'clinical', scopeCodes: [], grassroots: false })).toMatchObject({ code: 'SCOPE_REQUIRED', path: ['scopes'] });
  });

  it('refuses an unknown code at its index', () => {
    expect(refusal({ category: 'clinical', scopeCodes: ['11', '99'], grassroots: true })).toMatchObject({ code: 'SCOPE_UNKNOWN', path: ['scopes', 1] });
  });

  it('refuses a scope of another category at its index', () => {
    expect(refusal({ category: 'clinical', scopeCodes: ['31'], grassroots: false })).toMatchObject({ code: 'SCOPE_NOT_IN_CATEGORY', path: ['scopes', 0] });
    expect(refusal({ category: 'tcm', scopeCodes: ['51', '11'], grassroots: true })).toMatchObject({ code: 'SCOPE_NOT_IN_CATEGORY', path: ['scopes', 1] });
  });

  it('refuses a second scope outside grassroots institutions', () => {
    const e = refusal({ category: 'clinical', scopeCodes: ['11', '12'], grassroots: false });
    expect(e).toMatchObject({ code: 'SCOPE_TOO_MANY', path: ['scopes', 1], extra: { max: MAX_SCOPES_DEFAULT } });
    expect(e?.message).toMatch(/只能注册1个/);
  });

  it('lets grassroots clinicians register up to 3 clinical scopes (rule 1(a))', () => {
    expect(checkScopeSelection({ category: 'clinical', scopeCodes: ['11', '14', '21'], grassroots: true })).toHaveLength(3);
    expect(refusal({ category: 'clinical', scopeCodes: ['11', '14', '21', '13'], grassroots: true }))
      .toMatchObject({ code: 'SCOPE_TOO_MANY', path: ['scopes', 3], extra: { max: MAX_SCOPES_GRASSROOTS } });
  });

  it('keeps one scope for grassroots physicians of other categories', () => {
    expect(refusal({ category: 'tcm', scopeCodes: ['51', '52'], grassroots: true })).toMatchObject({ code: 'SCOPE_TOO_MANY' });
  });

  it('refuses a duplicate', () => {
    expect(refusal({ category: 'clinical', scopeCodes: ['11', '11'], grassroots: true })).toMatchObject({ code: 'SCOPE_DUPLICATE', path: ['scopes', 1] });
  });

  it('lets a grassroots clinician with a public-health qualification add the public-health scope (rule 1(b))', () => {
    const sel = { category: 'clinical', scopeCodes: ['11', '14', '21', '41'], grassroots: true, hasPublicHealthQualification: true } as const;
    expect(checkScopeSelection(sel)).toHaveLength(4);
    expect(refusal({ ...sel, grassroots: false, scopeCodes: ['11', '41'] })).toMatchObject({ code: 'SCOPE_NOT_IN_CATEGORY' });
    expect(refusal({ ...sel, hasPublicHealthQualification: false })).toMatchObject({ code: 'SCOPE_NOT_IN_CATEGORY', path: ['scopes', 3] });
    expect(refusal({ ...sel, scopeCodes: ['11', '41', '59'] })).toMatchObject({ code: 'SCOPE_TOO_MANY', path: ['scopes', 2] });
  });

  it('lets a grassroots public-health physician with a clinical qualification add one clinical scope (rule 1(b))', () => {
    expect(checkScopeSelection({ category: 'public_health', scopeCodes: ['41', '21'], grassroots: true, hasClinicalQualification: true })).toHaveLength(2);
    expect(refusal({ category: 'public_health', scopeCodes: ['41', '21', '11'], grassroots: true, hasClinicalQualification: true })).toMatchObject({ code: 'SCOPE_TOO_MANY' });
  });

  it('requires a scope of the registered category itself', () => {
    expect(refusal({ category: 'clinical', scopeCodes: ['41'], grassroots: true, hasPublicHealthQualification: true })).toMatchObject({ code: 'SCOPE_REQUIRED' });
  });

  it('honours a provincial maximum', () => {
    expect(checkScopeSelection({ category: 'tcm', scopeCodes: ['51', '52'], grassroots: false, maxSameCategory: 2 })).toHaveLength(2);
  });

  it('either accepts a selection that keeps every rule or refuses it with a scope code', () => {
    const codes = PRACTICE_SCOPES.map((s) => s.code as string).concat(['00', '99']);
    fc.assert(fc.property(
      fc.constantFrom(...PRACTICE_CATEGORIES), fc.array(fc.constantFrom(...codes), { maxLength: 6 }), fc.boolean(), fc.boolean(), fc.boolean(),
      (category, scopeCodes, grassroots, hasPublicHealthQualification, hasClinicalQualification) => {
        const sel = { category, scopeCodes, grassroots, hasPublicHealthQualification, hasClinicalQualification };
        const e = refusal(sel);
        if (e) return e.code.startsWith('SCOPE_') && e.status === 400;
        const scopes = scopeCodes.map((c) => PRACTICE_SCOPES.find((s) => s.code === c)!);
        const own = scopes.filter((s) => s.category === category).length;
        const max = grassroots && category === 'clinical' ? 3 : 1;
        return new Set(scopeCodes).size === scopeCodes.length && own >= 1 && own <= max && scopes.length - own <= (grassroots ? 1 : 0);
      },
    ), { numRuns: 500 });
  });
});
