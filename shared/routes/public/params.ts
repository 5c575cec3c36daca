import { validationError } from '../../errors';

/** A round's link token (the opinion form's QR code). */
export const roundTokenPattern = /^[A-Za-z0-9_-]{16,64}$/;
/** A disclosure's token and a page's one-time request token. */
export const token22Pattern = /^[A-Za-z0-9_-]{22}$/;

/** A path parameter that fails its pattern: 400 VALIDATION_FAILED naming it, as the console's routes answer. */
export function checkParam(name: string, value: string, ok: (v: string) => boolean): string {
  if (!ok(value)) throw validationError([{ path: name, message: '格式不正确' }]);
  return value;
}
