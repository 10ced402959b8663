import { CommonErrors, DomainError } from '@medreg/domain';
import type { z } from 'zod';

export interface FieldIssue {
  path: (string | number)[];
  message: string;
  code: string;
}

/** Throws the first refusal (its code and status) carrying every refusal in `errors`, so a form can mark each field. */
export function throwRefusals(refusals: readonly DomainError[]): void {
  const first = refusals[0];
  if (!first) return;
  throw new DomainError({
    code: first.code, status: first.status, title: first.title, titleEn: first.titleEn, detail: first.message, path: first.path,
    extra: { ...first.extra, errors: refusals.map((e): FieldIssue => ({ path: e.path ?? [], message: e.message, code: e.code })) },
  });
}

/** A business form as its definition's zod schema reads it; every issue → one 400 VALIDATION_FAILED naming each field. */
export function parseBusinessForm<F>(schema: z.ZodType<F>, raw: unknown, prefix: (string | number)[] = ['form']): F {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i): FieldIssue => ({ path: [...prefix, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: i.message, code: 'VALIDATION_FAILED' }));
  throw CommonErrors.VALIDATION_FAILED({ detail: errors[0]!.message, path: errors[0]!.path, extra: { errors } });
}
