/** Longest side of a photo as uploaded, in pixels. */
export const MAX_SIDE = 1600;

/**
 * Makes a photo smaller before upload: decoded, drawn on a canvas at most MAX_SIDE px on its
 * longest side and re-encoded as JPEG (quality 0.8). Re-encoding also drops the file's
 * metadata (EXIF, including GPS position). A file the browser cannot decode is kept as is.
 */
export async function shrink(file: Blob): Promise<Blob> {
  try {
    const image = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(image.width, image.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    image.close();
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', 0.8),
    );
    return blob ?? file;
  } catch {
    return file;
  }
}
