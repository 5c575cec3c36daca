import * as z from 'zod';
import { fail } from '../errors';
import { normalizeCode } from './ballot-code';
import { VoterGroup } from './vote';

/**
 * What the public pages carry from one request to the next (path tokens and
 * hidden fields), with the caps of the JSON routes. A hidden field is the
 * page's own: a value it could not have rendered is refused before anything
 * is read or stored.
 */

/** A round's link token (the opinion form's QR code), and a link evaluation's id. */
export const roundTokenPattern = /^[A-Za-z0-9_-]{16,64}$/;
/** A disclosure's token and a page's one-time request token. */
export const token22Pattern = /^[A-Za-z0-9_-]{22}$/;
/** An id of ours (a review session's) as a path value or a hidden field: base64url, at most 64. */
export const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** The one-time token a ballot page renders, which makes a resend of the same page a retry. */
export const RequestToken = z.string().regex(token22Pattern, '页面已失效，请刷新后重新填写');
/** A review session's id, as the ballot page and the JSON route name it. */
export const SessionId = z.string().regex(idPattern, '格式不正确');
/** A ballot code as typed or sent (at most 40 characters), in its canonical form. */
export const TypedCode = z
  .string()
  .max(40, '选票码格式不对')
  .transform((typed, ctx) => {
    const code = normalizeCode(typed);
    if (!code) ctx.addIssue({ code: 'custom', message: '选票码格式不对' });
    return code ?? '';
  });
/** A receipt number as typed into the look-up (at most 40 characters; normalised apart). */
export const TypedReceipt = z.string().max(40, '回执编号是8位字母和数字');

/** The hidden fields of the review ballot page (`/b/{code}`). */
export const BallotPageFields = z.object({
  sessionId: SessionId,
  requestToken: RequestToken,
  voterGroup: VoterGroup,
});
/** The hidden fields of the evaluation page: its token, and with a code, the code and its voter group (both or neither). */
export const EvaluationPageFields = z
  .object({
    requestToken: RequestToken,
    code: TypedCode.optional(),
    voterGroup: VoterGroup.optional(),
  })
  .refine((f) => (f.code === undefined) === (f.voterGroup === undefined), {
    message: '选票码与投票人类别须一同提交',
    path: ['voterGroup'],
  });

/** A ballot page whose hidden fields are not the page's own: nothing is read or stored (400). */
export const stalePage = (message = '页面已失效，请重新扫码') => fail('BAD_BALLOT', message);

/**
 * The named fields of a posted form (read with repeats kept), for a schema to
 * check: a field sent twice stays an array, which a string field refuses.
 */
export const fieldsOf = <K extends string>(form: Record<string, unknown>, names: readonly K[]) =>
  Object.fromEntries(names.flatMap((n) => (form[n] === undefined ? [] : [[n, form[n]]]))) as Partial<
    Record<K, unknown>
  >;

/** A visible field of a form read with repeats kept: the last string sent, as a form read without them gives. */
export function lastText(value: unknown): string | undefined {
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === 'string' ? last : undefined;
}

/** The last text of every field named `{prefix}{key}`, by key: a page's row of marks (`g_{member}`, `m_{measure}`). */
export function prefixedFields(form: Record<string, unknown>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) {
    const text = lastText(v);
    if (k.startsWith(prefix) && text !== undefined) out[k.slice(prefix.length)] = text;
  }
  return out;
}

/**
 * A sent 党性分析 page (the member's, or the secretary's entry form): the two
 * texts and the measure rows `m{i}_a` / `m{i}_d` that have anything in them.
 */
export function materialFields(form: Record<string, unknown>) {
  const text = (name: string) => lastText(form[name])?.trim() ?? '';
  const measures = Array.from({ length: 10 }, (_, i) => ({
    action: text(`m${i}_a`),
    deadline: text(`m${i}_d`),
  })).filter((m) => m.action || m.deadline);
  const version = Number(text('version') || 'x');
  return {
    content: { problems: text('problems'), causes: text('causes'), measures },
    version: Number.isInteger(version) && version >= 0 ? version : -1,
    submit: text('intent') === 'submit',
  };
}
