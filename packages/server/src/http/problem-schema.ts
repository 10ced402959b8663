import { z } from 'zod';

/** An RFC 9457 problem document (http/problem.ts) as OpenAPI shows it. Loose: extra facts pass through. */
export const ProblemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string(), code: z.string().optional() })).optional(),
});

/**
 * The error responses of an operation for OpenAPI: each status with the codes it answers with, listed in its
 * description (`code` stays a string, so a code added later never breaks a response).
 */
export function problemResponses(byStatus: Record<number, readonly string[]>): Record<number, typeof ProblemSchema> {
  return Object.fromEntries(
    Object.entries(byStatus).map(([status, codes]) => [status, ProblemSchema.describe(`problem+json，code：${codes.join('、')}`)]),
  );
}
