import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@medreg/domain';
import type { Deps } from '../../context';
import { z } from 'zod';
import { FHIR_JSON, capabilityStatement, operationOutcome } from './resources';
import { FhirInvalidSearch, fhirBaseUrl, searchPractitioners } from './service';

/** A FHIR R4 resource as OpenAPI shows it (application/fhir+json); its content is the FHIR specification's. */
function fhirResource(description: string) {
  return z.looseObject({ resourceType: z.string() }).meta({ description, contentMediaType: FHIR_JSON });
}

/**
 * HL7 FHIR R4 read-only view (architecture § Interoperability). Outside /api/v1: no audience, no session;
 * read-only and rate-limited per client. Refusals are OperationOutcome resources, as FHIR clients expect.
 */
export async function fhirRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  app.get('/fhir/metadata', {
    schema: { tags: ['FHIR'], summary: 'FHIR CapabilityStatement', response: { 200: fhirResource('CapabilityStatement') } },
  }, async (_req, reply) => reply.type(FHIR_JSON).send(capabilityStatement(fhirBaseUrl(deps.config.publicBaseUrl), deps.now())));

  app.get('/fhir/Practitioner', {
    schema: { tags: ['FHIR'], summary: 'FHIR 检索 Practitioner（identifier = 执业证书编码），附 PractitionerRole',
      response: { 200: fhirResource('Bundle（searchset）'), 400: fhirResource('OperationOutcome'), 429: fhirResource('OperationOutcome') },
    },
  }, async (req, reply) => {
    try {
      const identifier = singleParam(req, 'identifier');
      const bundle = await searchPractitioners(deps, identifier, { ip: req.ip });
      return reply.type(FHIR_JSON).header('cache-control', 'no-store').send(bundle);
    } catch (error) {
      return sendOutcome(reply, error);
    }
  });
}

function singleParam(req: FastifyRequest, name: string): string | undefined {
  const value = (req.query as Record<string, unknown> | undefined)?.[name];
  if (Array.isArray(value)) throw new FhirInvalidSearch(`检索参数 ${name} 只能出现一次`);
  return typeof value === 'string' ? value : undefined;
}

function sendOutcome(reply: FastifyReply, error: unknown) {
  if (error instanceof FhirInvalidSearch) return reply.status(400).type(FHIR_JSON).send(operationOutcome('invalid', error.message));
  if (error instanceof DomainError && error.code === 'RATE_LIMITED') {
    const retry = error.extra?.retryAfterSeconds;
    if (typeof retry === 'number') reply.header('retry-after', String(retry));
    return reply.status(429).type(FHIR_JSON).send(operationOutcome('throttled', error.message));
  }
  throw error;
}
