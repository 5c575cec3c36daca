import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { putAllOrNothing } from '../data/batch-write';
import { accessPatterns, keys } from '../data/keys';
import { queryAll } from '../data/query';
import { auditItem } from '../data/transact';
import type { Deps } from '../deps';
import { codeHash, newBallotCode, normalizeCode } from '../domain/ballot-code';
import { type ReviewSession, sessionState, type VoterGroup } from '../domain/review';
import { conflict, notFound, validationError } from '../errors';

/** A stored code: its hash (in the key), its session, voter group and state — never the code. */
export const StoredCode = z.object({
  sessionId: z.string(),
  voterGroup: z.enum(['member', 'mass']),
  state: z.enum(['unused', 'used', 'revoked']),
  gsi1sk: z.string(),
});

/**
 * Mints ballot codes for one voter group.
 * 1. Each code carries 80 random bits; only its keyed hash is stored.
 * 2. The plain codes are returned once, for the printable slips; they cannot be shown again.
 */
export async function mintCodes(
  deps: Deps,
  actor: string,
  s: ReviewSession,
  group: VoterGroup,
  count: number,
) {
  if (sessionState(s, deps.now()) === 'closed') throw conflict('SESSION_CLOSED', '本次评议已经结束');
  const codes = Array.from({ length: count }, newBallotCode);
  const now = deps.now().toISOString();
  await putAllOrNothing(deps, [
    ...codes.map((code) => {
      const hash = codeHash(deps.config.CODE_HASH_SECRET, code);
      return {
        ...keys.code(hash),
        ...keys.codeListing(s.id, group, hash),
        sessionId: s.id,
        voterGroup: group,
        state: 'unused',
      };
    }),
    auditItem(now, {
      actor,
      action: 'review.codes.mint',
      target: `unit:${s.unitId}/session:${s.id}`,
      detail: { group, count },
    }),
  ]);
  return codes;
}

async function revokeHash(deps: Deps, hash: string, sessionId: string): Promise<boolean> {
  try {
    await deps.db.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: keys.code(hash),
        UpdateExpression: 'SET #state = :revoked',
        ConditionExpression: '#state = :unused AND sessionId = :s',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':revoked': 'revoked', ':unused': 'unused', ':s': sessionId },
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}

/**
 * Revokes unused codes: one typed code, or every unused code of a voter
 * group (after a lost batch of slips). Used codes stay used.
 */
export async function revokeCodes(
  deps: Deps,
  actor: string,
  s: ReviewSession,
  what: { code?: string | undefined; group?: VoterGroup | undefined },
) {
  let hashes: string[];
  if (what.code) {
    const code = normalizeCode(what.code);
    if (!code) throw validationError([{ path: 'code', message: '选票码格式不对' }]);
    hashes = [codeHash(deps.config.CODE_HASH_SECRET, code)];
  } else {
    const all = await queryAll(deps.db, deps.tableName, accessPatterns.codesOfSession(s.id), StoredCode);
    hashes = all
      .filter((c) => c.state === 'unused' && (!what.group || c.voterGroup === what.group))
      .map((c) => c.gsi1sk.split('#')[1] ?? '');
  }
  let revoked = 0;
  for (const hash of hashes) if (await revokeHash(deps, hash, s.id)) revoked += 1;
  if (what.code && revoked === 0) throw notFound('该选票码不存在、不属于本次评议，或已使用');
  await putAllOrNothing(deps, [
    auditItem(deps.now().toISOString(), {
      actor,
      action: 'review.codes.revoke',
      target: `unit:${s.unitId}/session:${s.id}`,
      detail: { revoked, group: what.group },
    }),
  ]);
  return { revoked };
}
