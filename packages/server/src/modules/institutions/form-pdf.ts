import { UPLOAD_LIMITS } from '@medreg/domain';
import { reading, type Deps } from '../../context';
import type { AccountActor } from '../../http/actor';
import { APPLICATION_FORM_LAYOUT_VERSION, renderApplicationForm } from '../../pdf/application-form';
import { cachedPdf } from '../../storage/pdf-cache';
import { buildApplicationFormData } from './form-data';

/**
 * 《医师执业注册申请审核表》 as every process serves it: from the PDF cache while what it prints is unchanged
 * (a new institution opinion, a corrected field or a new photo renders it anew). It prints the full 身份证号,
 * so the cached file is sealed with the PII key.
 */
export async function applicationFormPdf(deps: Deps, actor: AccountActor, id: string): Promise<{ pdf: Buffer; businessCode: string }> {
  const c = reading(deps);
  const { data, photoSha256 } = await buildApplicationFormData(c, actor, id);
  const { pdf } = await cachedPdf(deps, {
    kind: 'application_form',
    subjectId: id,
    printed: { layout: APPLICATION_FORM_LAYOUT_VERSION, ...data, photo: photoSha256, generatedAt: undefined },
    sealed: true,
    render: async () => renderApplicationForm({
      ...data,
      photo: photoSha256 ? ((await deps.blobs.get(c.tx, photoSha256, { maxBytes: UPLOAD_LIMITS.photoBytes })) ?? null) : null,
      generatedAt: deps.now().toISOString(),
    }),
  });
  return { pdf, businessCode: data.businessCode };
}
