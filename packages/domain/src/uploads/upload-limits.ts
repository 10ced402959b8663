// Limits on files people upload, shown on the forms and enforced by the server (one definition for both).

const MB = 1024 * 1024;

export const UPLOAD_LIMITS = {
  /** 近6个月2寸白底免冠正面半身照片 (JPEG or PNG). */
  photoBytes: 2 * MB,
  /** One scanned material or certificate (JPEG, PNG or PDF). */
  attachmentBytes: 2 * MB,
  /** Files attached to one 资格补改 request. */
  attachmentsPerCorrection: 3,
  /** All files of one 资格补改 request together. */
  correctionTotalBytes: 5 * MB,
  /** All files of one business application together (photo and evidence). */
  applicationTotalBytes: 10 * MB,
  /** Images larger than this many pixels are refused before decoding (a decompression bomb). */
  imageMaxPixels: 40_000_000,
} as const;

/** "2 MB" for messages and hints. */
export function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}

/** "4000万像素" for messages and hints. */
export function formatPixels(pixels: number): string {
  return `${Math.round(pixels / 10_000)}万像素`;
}

/** A file's size as people read it: "820 KB" below 1 MB, "1.5 MB" above. */
export function formatFileSize(bytes: number): string {
  return bytes < MB ? `${Math.max(1, Math.round(bytes / 1024))} KB` : formatMegabytes(bytes);
}
