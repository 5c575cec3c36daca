// Loaded by the pages that draw codes, not at the console's cold start.
const qrcode = async () => (await import('qrcode')).default;

const options = { errorCorrectionLevel: 'M' as const, margin: 2 };

/** The QR code of `url` as an SVG document. */
export async function qrSvg(url: string): Promise<string> {
  return (await qrcode()).toString(url, { ...options, type: 'svg' });
}

/** The QR code of `url` as a PNG image, `width` pixels wide. */
export async function qrPng(url: string, width = 600): Promise<Buffer> {
  return (await qrcode()).toBuffer(url, { ...options, type: 'png', width });
}

/** The QR code of `url` as a data: URI, to inline into a page without a second request. */
export async function qrDataUri(url: string): Promise<string> {
  return (await qrcode()).toDataURL(url, { ...options, width: 600 });
}
