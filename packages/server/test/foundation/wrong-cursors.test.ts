// A cursor that decodes (base64url JSON) but holds the wrong types or impossible values is refused with 400 and
// the list's cursor code on field `cursor`, never passed to the database — on PGlite and on PostgreSQL alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectProblem, loggedIn, type Agent } from '../helpers/agent';
import { PASSWORD, makePhysician } from '../helpers/factories';
import { makeJurisdictions, staffOf } from '../helpers/authority-factories';

let t: TestApp;
let reviewer: Agent;
let institutionAdmin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const j = await makeJurisdictions(t.deps);
  reviewer = await staffOf(t.app, t.deps, j.haidian.id);
  institutionAdmin = await loggedIn(t.app, j.hdInstitution.adminLogin, PASSWORD);
});
afterAll(async () => t?.close());

function expectCursorRefused(res: Awaited<ReturnType<Agent['get']>>, code: string) {
  const body = expectProblem(res, 400, code);
  expect(body.errors?.map((e) => e.path)).toEqual([['cursor']]);
}

const NUL = '\u0000';
const qs = (q: Record<string, string>) => new URLSearchParams(q).toString();

describe('a well-formed cursor of the wrong types', () => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const ID = '3f2b8c1e-0a4d-4c7e-9b1a-2d3e4f5a6b7c';
  const AT = '2026-09-28T08:00:00.123456Z';
  const wrong = [
    [1, ID], [AT, 5], [null, ID], [{}, ID], [AT], [AT, ID, 'extra'], ['abc', ID], [`2026${NUL}`, ID], ['2026-02-30T08:00:00.000000Z', ID],
    ['2026-13-45T99:99:99.000000Z', ID], ['294277-01-01', ID], ['2026-01-01 00:00 Mars/Olympus', ID], ['1e309', ID], [AT, 'not-a-uuid'],
  ];

  it('is refused by the authority queue, in every queue, as QUEUE_CURSOR_INVALID on cursor', async () => {
    for (const queue of ['pending_authority', 'accepted', 'returned_for_correction', 'completed']) {
      // In 已受理 a null due date is a real position: a filing or a certificate (no statutory clock) sorts after the dated ones.
      const wrongHere = queue === 'accepted' ? wrong.filter((w) => !(w.length === 2 && w[0] === null)) : wrong;
      for (const cursor of [...wrongHere, queue === 'accepted' ? [AT, ID] : ['2026-09-28', ID]]) {
        expectCursorRefused(await reviewer.get(`/api/v1/authority/queue?${qs({ queue, cursor: b64(cursor) })}`), 'QUEUE_CURSOR_INVALID');
      }
    }
  });

  it('is refused by every other keyset-paginated list with its cursor code on cursor', async () => {
    const doctor = await makePhysician(t.deps, { activated: true });
    const physician = await loggedIn(t.app, doctor.loginName, PASSWORD);
    const lists: [Agent, string, string, (c: unknown[]) => unknown[]][] = [
      [institutionAdmin, '/api/v1/institution/applications?sort=desc&', 'QUEUE_CURSOR_INVALID', (c) => [...c, 'desc']],
      [institutionAdmin, '/api/v1/institution/activation/physicians?', 'ACTIVATION_LIST_CURSOR_INVALID', (c) => c],
      [reviewer, '/api/v1/reference/institutions?place=110000&', 'INSTITUTION_CURSOR_INVALID', (c) => c],
      [reviewer, '/api/v1/authority/qualification-corrections?', 'VALIDATION_FAILED', (c) => c],
      [physician, '/api/v1/applications?', 'APPLICATION_CURSOR_INVALID', (c) => c],
    ];
    const timestampless = new Set(['ACTIVATION_LIST_CURSOR_INVALID', 'INSTITUTION_CURSOR_INVALID']);
    for (const [agent, url, code, shape] of lists) {
      for (const cursor of wrong) {
        // Name-keyed lists accept any name without control characters; only the other wrong cursors apply there.
        if (timestampless.has(code) && typeof cursor[0] === 'string' && !cursor[0].includes(NUL) && cursor.length === 2 && cursor[1] === ID) continue;
        expectCursorRefused(await agent.get(`${url}${qs({ cursor: b64(shape(cursor)) })}`), code);
      }
    }
  });
});
