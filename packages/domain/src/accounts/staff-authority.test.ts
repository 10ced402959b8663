import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jurisdictionContains } from '../jurisdiction';
import { AUTHORITY_STAFF_ROLES, authorityInReach, mayManageStaff, staffRefusal, type StaffActor, type StaffAuthority } from './staff-authority';
import { allowedStaffAccountActions, staffAccountTransition } from './staff-account-workflow';

const A = (id: string, areaCode: string, level: StaffAuthority['level']): StaffAuthority => ({ id, areaCode, level });
const nation = A('nhc', '000000', 'national');
const beijing = A('bj', '110000', 'province');
const haidian = A('hd', '110108', 'county');
const dongcheng = A('dc', '110101', 'county');
const guangdong = A('gd', '440000', 'province');
const shenzhen = A('sz', '440300', 'city');
const nanshan = A('ns', '440305', 'county');
const TREE = [nation, beijing, haidian, dongcheng, guangdong, shenzhen, nanshan];

const admin = (authority: StaffAuthority, accountId = `admin-${authority.id}`): StaffActor => ({ accountId, role: 'authority_admin', authority });

describe('mayManageStaff — 人员账户', () => {
  it('lets an administrator manage reviewers and administrators of its own authority', () => {
    expect(mayManageStaff(admin(haidian), { role: 'authority_reviewer', authority: haidian })).toBe(true);
    expect(mayManageStaff(admin(haidian), { role: 'authority_admin', authority: haidian })).toBe(true);
  });

  it('lets a province or city administrator manage the accounts of the authorities below it', () => {
    expect(mayManageStaff(admin(beijing), { role: 'authority_admin', authority: haidian })).toBe(true);
    expect(mayManageStaff(admin(guangdong), { role: 'authority_reviewer', authority: nanshan })).toBe(true);
    expect(mayManageStaff(admin(shenzhen), { role: 'authority_admin', authority: nanshan })).toBe(true);
  });

  it('refuses a county administrator the city above it and a neighbouring county', () => {
    expect(staffRefusal(admin(nanshan), { role: 'authority_reviewer', authority: shenzhen })).toBe('outside_jurisdiction');
    expect(staffRefusal(admin(haidian), { role: 'authority_reviewer', authority: dongcheng })).toBe('outside_jurisdiction');
    expect(staffRefusal(admin(beijing), { role: 'authority_admin', authority: nanshan })).toBe('outside_jurisdiction');
  });

  it('refuses a reviewer every staff action (a reviewer cannot administer)', () => {
    const reviewer: StaffActor = { accountId: 'r', role: 'authority_reviewer', authority: beijing };
    expect(staffRefusal(reviewer, { role: 'authority_reviewer', authority: haidian })).toBe('not_administrator');
  });

  it('refuses roles that are not authority staff roles and the administrator\'s own account', () => {
    expect(staffRefusal(admin(beijing), { role: 'institution_admin', authority: haidian })).toBe('role_not_grantable');
    expect(staffRefusal(admin(beijing, 'me'), { accountId: 'me', role: 'authority_admin', authority: beijing })).toBe('own_account');
  });

  it('never admits an account outside the actor\'s jurisdiction (every actor × target in the tree)', () => {
    fc.assert(fc.property(fc.constantFrom(...TREE), fc.constantFrom(...TREE), fc.constantFrom(...AUTHORITY_STAFF_ROLES), (a, t, role) => {
      const allowed = mayManageStaff(admin(a), { role, authority: t });
      expect(allowed).toBe(a.id === t.id || jurisdictionContains(a, t));
      expect(allowed).toBe(authorityInReach(admin(a), t));
    }));
  });
});

/**
 * The property of issue 10: no sequence of admin actions yields an account with wider jurisdiction than its creator's.
 * Each generated step is an administrator (a seed administrator or an account created earlier) trying to create,
 * reassign or grant a role over a small authority tree; the domain rule decides, and every account that exists
 * afterwards lies within the jurisdiction of the administrator who placed it there (created, moved or re-roled it),
 * holds no role above that administrator's, and never leaves the tree below the first administrator.
 */
describe('GB/T 22239-2019 最小权限 — property: no sequence of admin actions widens an account beyond its creator', () => {
  interface Acc { id: string; role: 'authority_reviewer' | 'authority_admin'; authority: StaffAuthority; creator: StaffActor | null }
  const step = fc.record({
    kind: fc.constantFrom('create', 'reassign', 'grant'),
    actor: fc.nat(), target: fc.nat(), authority: fc.constantFrom(...TREE), role: fc.constantFrom(...AUTHORITY_STAFF_ROLES),
  });

  it('holds for random sequences of create / reassign / grant', () => {
    fc.assert(fc.property(fc.constantFrom(...TREE), fc.array(step, { maxLength: 40 }), (root, steps) => {
      const accounts: Acc[] = [{ id: 'root', role: 'authority_admin', authority: root, creator: null }];
      const asActor = (a: Acc): StaffActor => ({ accountId: a.id, role: a.role, authority: a.authority });
      for (const [i, s] of steps.entries()) {
        const actorAcc = accounts[s.actor % accounts.length]!;
        const actor = asActor(actorAcc);
        if (s.kind === 'create') {
          if (mayManageStaff(actor, { role: s.role, authority: s.authority })) {
            accounts.push({ id: `a${i}`, role: s.role, authority: s.authority, creator: actor });
          }
          continue;
        }
        const target = accounts[s.target % accounts.length]!;
        const next = s.kind === 'reassign' ? { ...target, authority: s.authority } : { ...target, role: s.role };
        // As it is and as it will be.
        if (mayManageStaff(actor, { accountId: target.id, role: target.role, authority: target.authority })
          && mayManageStaff(actor, { accountId: target.id, role: next.role, authority: next.authority })) {
          Object.assign(target, next, { creator: actor });
        }
      }
      for (const a of accounts) {
        const bound = a.creator?.authority ?? root;
        expect(a.authority.id === bound.id || jurisdictionContains(bound, a.authority)).toBe(true);
        expect(jurisdictionContains(root, a.authority) || a.authority.id === root.id).toBe(true);
        if (a.creator) expect(a.creator.role).toBe('authority_admin');
      }
    }), { numRuns: 300 });
  });
});

describe('staff account status table', () => {
  it('disables an active account and enables a disabled one, and refuses the reverse', () => {
    expect(staffAccountTransition('active', 'disable')).toBe('disabled');
    expect(staffAccountTransition('disabled', 'enable')).toBe('active');
    expect(staffAccountTransition('disabled', 'disable')).toBeNull();
    expect(allowedStaffAccountActions('disabled')).toEqual(['enable', 'reset_password', 'reassign']);
  });
});
