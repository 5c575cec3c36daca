import * as z from 'zod';
import type { AppError } from '../errors';

/**
 * Versions of what the console edits (party members, accounts, problems,
 * determinations): every write of an item counts its `version` one up, and
 * an edit may name the version it was read at, so an edit made from an older
 * read is refused (409) instead of overwriting what someone saved meanwhile.
 * Items stored before they were counted carry none: they are at version 0.
 */

/** An item's count of writes, as stored (absent on items stored before writes were counted). */
export const StoredVersion = z.number().int().nonnegative().optional();

/**
 * The version an edit was made from, as the editor read it (0: an item that
 * had none, or a determination not made yet). Named, an edit from an older
 * read is refused; not named, nothing is checked.
 */
export const ReadVersion = z
  .number()
  .int()
  .nonnegative()
  .optional()
  .describe('The version the edit was made from; an older one is refused (409) and changes nothing');

/** The version an item is at: its count of writes, 0 for one stored without it or not there at all. */
export const versionOf = (item: { version?: number | undefined } | undefined): number => item?.version ?? 0;

/** Refuses (with `changed`, saying what the item is now) an edit read at another version than the item's. */
export function refuseStale<T extends { version?: number | undefined }>(
  item: T | undefined,
  readAt: number | undefined,
  changed: (now: T | undefined) => AppError,
): void {
  if (readAt !== undefined && readAt !== versionOf(item)) throw changed(item);
}

/** The version read, as a query or form field (`?version=` of a delete): absent means no check. */
export const VersionQuery = z.object({ version: z.coerce.number().int().nonnegative().optional() });
