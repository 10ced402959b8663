import type { FastifyRequest } from 'fastify';
import { InstitutionErrors } from './errors';

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** The optional Idempotency-Key header of a decision (a UUID from the browser, one per click intent). */
export function idempotencyKeyOf(req: FastifyRequest): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !KEY.test(raw)) throw InstitutionErrors.IDEMPOTENCY_KEY_INVALID();
  return raw;
}
