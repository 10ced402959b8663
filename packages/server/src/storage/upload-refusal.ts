/** Why an uploaded file was refused (storage/upload-inspection.ts); each area maps it to its own error codes. */

/** What an uploaded file may be refused for. */
export type UploadRefusalReason =
  /** Not one of the accepted types (by its content). */
  | 'type'
  /** Starts like an accepted type but does not decode or parse to the end (damaged, truncated, or something else). */
  | 'unreadable'
  /** A PDF too complex to check within the time allowed (e.g. a compressed object stream that expands without end). */
  | 'too_complex'
  /** An image with more pixels than allowed (a decompression bomb). */
  | 'pixels'
  /** More bytes than allowed, as sent. */
  | 'too_large'
  /** More bytes than allowed once re-encoded. */
  | 'too_large_processed'
  /** A PDF with no page. */
  | 'no_pages'
  /** An encrypted or password-protected PDF (it cannot be checked). */
  | 'encrypted'
  /** A PDF with scripts, automatic actions, embedded files, rich media or XFA forms. */
  | 'active_content';

/** What active content a PDF was found to hold (the first found). */
export type ActiveContentKind = 'javascript' | 'launch' | 'embedded_file' | 'additional_actions' | 'rich_media' | 'xfa' | 'submit_form' | 'import_data';

export class UploadRefusedError extends Error {
  constructor(readonly reason: UploadRefusalReason, readonly activeContent?: ActiveContentKind) {
    super(`upload refused: ${reason}${activeContent ? ` (${activeContent})` : ''}`);
    this.name = 'UploadRefusedError';
  }
}

/** What an upload may be: the limits it is inspected against. */
export interface UploadInspectionLimits {
  /** The most bytes a file may have, as sent and as stored. */
  maxBytes: number;
  /** The most pixels (width × height) an image may have. */
  maxPixels: number;
}
