/**
 * Images (JPEG, PNG) are decoded completely with sharp (libvips, in its own threads: the event loop is not
 * held) and written anew in the same format. What is stored therefore holds pixels only: no EXIF (camera, time,
 * GPS position), XMP, IPTC or comments, no ICC profile (colours are converted to sRGB), nothing the file carried
 * after its end. The EXIF orientation is applied to the pixels first, so the photo still stands upright.
 *
 * 《中华人民共和国个人信息保护法》第六条: personal information collected is limited to the smallest scope the
 * purpose needs — a registration photo needs its pixels, not where and with what phone it was taken.
 */
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { UploadInspectionLimits } from './upload-refusal';
import { UploadRefusedError } from './upload-refusal';

// An upload is decoded once: libvips' operation cache would only keep people's decoded photos in memory.
sharp.cache(false);

/**
 * JPEG qualities tried in turn until the result fits the size limit: 90 keeps scanned text and a portrait
 * sharp; the lower steps only serve a file that was sent more compressed than that and grew when re-encoded.
 */
const JPEG_QUALITIES = [90, 80, 70] as const;

const FORMAT = { 'image/jpeg': 'jpeg', 'image/png': 'png' } as const;

function encode(image: Sharp, type: keyof typeof FORMAT, meta: Metadata, quality: number): Sharp {
  if (type === 'image/jpeg') return image.jpeg({ quality, chromaSubsampling: '4:2:0' });
  // Best zlib compression; a palette image stays a palette image (else it would grow to truecolour).
  return image.png({ compressionLevel: 9, adaptiveFiltering: true, ...(meta.isPalette ? { palette: true, quality: 100 } : {}) });
}

/** The re-encoded image; refuses (UploadRefusedError) what does not decode completely or has too many pixels. */
export async function reencodeImage(content: Buffer, type: keyof typeof FORMAT, limits: UploadInspectionLimits): Promise<Buffer> {
  // failOn 'warning': the strictest level — a truncated or corrupt image is an error, not a grey band.
  const options = { failOn: 'warning', limitInputPixels: limits.maxPixels } as const;
  let meta: Metadata;
  try {
    meta = await sharp(content, { ...options, limitInputPixels: false }).metadata();
  } catch {
    throw new UploadRefusedError('unreadable');
  }
  // The first bytes said one format; the decoder must agree.
  if (meta.format !== FORMAT[type]) throw new UploadRefusedError('unreadable');
  if (meta.width * meta.height > limits.maxPixels) throw new UploadRefusedError('pixels');

  let smallest: Buffer | undefined;
  for (const quality of type === 'image/jpeg' ? JPEG_QUALITIES : [0]) {
    let out: Buffer;
    try {
      out = await encode(sharp(content, { ...options, autoOrient: true }), type, meta, quality).toBuffer();
    } catch {
      throw new UploadRefusedError('unreadable');
    }
    if (out.length <= limits.maxBytes) return out;
    if (!smallest || out.length < smallest.length) smallest = out;
  }
  return smallest!;
}
