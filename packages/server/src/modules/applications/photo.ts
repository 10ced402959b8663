/** The image types a photo may have, recognised by their first bytes (the file name and the browser's claim are not trusted). */
export type ImageType = 'image/jpeg' | 'image/png';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function detectImageType(content: Buffer): ImageType | undefined {
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.length >= PNG.length && content.subarray(0, PNG.length).equals(PNG)) return 'image/png';
  return undefined;
}
