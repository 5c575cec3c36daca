import { randomBytes } from 'node:crypto';

/** A new random id: 16 bytes, base64url (22 characters), unguessable and unordered. */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}
