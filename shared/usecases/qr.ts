import QRCode from 'qrcode';

const options = { errorCorrectionLevel: 'M' as const, margin: 2 };

/** The QR code of `url` as an SVG document. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...options, type: 'svg' });
}

/** The QR code of `url` as a PNG image, `width` pixels wide. */
export function qrPng(url: string, width = 600): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...options, type: 'png', width });
}

/** The QR code of `url` as a data: URI, to inline into a page without a second request. */
export function qrDataUri(url: string): Promise<string> {
  return QRCode.toDataURL(url, { ...options, width: 600 });
}
