/**
 * The applicant's photo (近6个月2寸白底免冠正面半身照片): a JPEG or PNG by its content, decoded completely and
 * re-encoded with its metadata (EXIF with the GPS position, camera, time) stripped — storage/upload-inspection.ts.
 */
import { UPLOAD_LIMITS, formatMegabytes, type DomainError } from '@medreg/domain';
import { inspectUpload, UploadRefusedError, type InspectedUpload } from '../../storage/upload-inspection';
import { ApplicationErrors } from './errors';

const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
const PATH = ['photo'];

function photoRefusal(refusal: UploadRefusedError): DomainError {
  switch (refusal.reason) {
    case 'too_large':
      return ApplicationErrors.PHOTO_TOO_LARGE({ path: PATH });
    case 'too_large_processed':
      return ApplicationErrors.PHOTO_TOO_LARGE({ path: PATH, detail: `照片转换后仍超过${formatMegabytes(UPLOAD_LIMITS.photoBytes)}，请缩小尺寸后再上传` });
    case 'pixels':
      return ApplicationErrors.PHOTO_TOO_MANY_PIXELS({ path: PATH });
    case 'unreadable':
      return ApplicationErrors.PHOTO_INVALID({ path: PATH, detail: '照片文件已损坏或不完整，无法识别为 JPG 或 PNG 图片，请重新导出后上传' });
    default:
      return ApplicationErrors.PHOTO_INVALID({ path: PATH });
  }
}

/** The photo to store, or PHOTO_INVALID / PHOTO_TOO_LARGE / PHOTO_TOO_MANY_PIXELS on the field `photo`. */
export async function inspectPhoto(content: Buffer): Promise<InspectedUpload> {
  try {
    return await inspectUpload(content, PHOTO_TYPES, { maxBytes: UPLOAD_LIMITS.photoBytes, maxPixels: UPLOAD_LIMITS.imageMaxPixels });
  } catch (error) {
    if (error instanceof UploadRefusedError) throw photoRefusal(error);
    throw error;
  }
}
