/**
 * The one check every uploaded file passes before it is stored: its type comes from its content (the file name
 * and the browser's declared type are never trusted), it is decoded or parsed completely, and what is stored is
 * what medreg wrote anew from it — an image re-encoded with its metadata stripped, a PDF re-saved without
 * anything active in it. A file that looks like an image or a PDF only in its first bytes (an HTML page behind a
 * JPEG signature, a truncated PNG) is refused; bytes hidden after the image or after %%EOF are not carried over.
 *
 * Refusals are UploadRefusedError with a reason; each area turns them into its own error codes and field paths.
 */
import { sha256Hex } from '../security/tokens';
import { reencodeImage } from './image-reencode';
import { inspectPdf } from './pdf-inspection';
import { sniffStoredType } from './stored-type';
import { UploadRefusedError, type UploadInspectionLimits } from './upload-refusal';

export { UploadRefusedError, type ActiveContentKind, type UploadInspectionLimits, type UploadRefusalReason } from './upload-refusal';

export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];

/** A file that passed: the bytes to store (not the bytes sent), their type and SHA-256. */
export interface InspectedUpload {
  content: Buffer;
  contentType: UploadType;
  sizeBytes: number;
  sha256: string;
}


function isUploadType(type: string): type is UploadType {
  return (UPLOAD_TYPES as readonly string[]).includes(type);
}

/**
 * Inspects one uploaded file and returns what to store. Decoding runs off the event loop: images in libvips'
 * threads (sharp), PDFs in a worker thread with a time limit.
 */
export async function inspectUpload(content: Buffer, accept: readonly UploadType[], limits: UploadInspectionLimits): Promise<InspectedUpload> {
  if (content.length > limits.maxBytes) throw new UploadRefusedError('too_large');
  const type = sniffStoredType(content);
  if (!isUploadType(type) || !accept.includes(type)) throw new UploadRefusedError('type');
  const stored = type === 'application/pdf' ? await inspectPdf(content) : await reencodeImage(content, type, limits);
  if (stored.length > limits.maxBytes) throw new UploadRefusedError('too_large_processed');
  return { content: stored, contentType: type, sizeBytes: stored.length, sha256: sha256Hex(stored) };
}
