/**
 * The error catalogue: every error code the app answers with, its one kind
 * and its one Chinese message, with no HTTP in them. Domain rules,
 * repositories and use cases throw `fail(code, …)`; `shared/http/status.ts`
 * maps each kind to a status and `app.onError` renders it as JSON or as a
 * Chinese page.
 */
export type ErrorKind =
  | 'invalid' // the input breaks a rule (field problems in details)
  | 'unauthenticated'
  | 'forbidden' // inside the caller's scope, but not theirs to do
  | 'notFound' // missing, or outside the caller's scope
  | 'conflict' // clashes with the current state
  | 'gone' // closed, revoked, over
  | 'locked'
  | 'tooLarge'
  | 'unsupportedMedia'
  | 'tooMany'
  | 'unavailable'
  | 'internal';

/** One problem with one input field; `path` is the field's location, e.g. `members.3.grade`. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The one error type of the app: a kind, a stable code, a Chinese message and field problems. */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

type Message = string | ((...particulars: never[]) => string);
const entry = <K extends ErrorKind, M extends Message>(kind: K, message: M) => ({ kind, message });

/** Each code once: its kind, and its message (a function where the message names the case's particulars). */
const catalogue = {
  // invalid input (400)
  VALIDATION_FAILED: entry('invalid', (message = '提交的内容有误，请检查后重试') => message),
  BAD_REQUEST: entry('invalid', '请求格式有误'),
  BAD_FORM: entry('invalid', '表单格式有误，请刷新页面后重新提交'),
  BAD_CURSOR: entry('invalid', '分页游标无效'),
  FORBIDDEN_KEY: entry('invalid', '提交的内容含有不允许的字段名 __proto__'),
  BAD_CSV: entry('invalid', (reason: string) => `CSV 格式有误：${reason}`.trim()),
  EMPTY_CSV: entry('invalid', '文件中没有数据行'),
  TOO_MANY_ROWS: entry('invalid', (max: number) => `一次最多导入 ${max} 行`),
  EXPORT_TOO_LARGE: entry(
    'invalid',
    (max: number) => `符合条件的记录超过 ${max} 条，请缩短日期范围或按单位、操作人筛选后分次导出`,
  ),
  WRONG_PASSWORD: entry('invalid', '当前密码不正确'),
  BAD_BALLOT: entry('invalid', (message = '页面已失效，请重新扫码') => message),
  CODE_REQUIRED: entry('invalid', '本次测评凭选票码进行，请扫描选票上的二维码'),
  WRONG_SESSION: entry('invalid', '这张选票不属于本次评议'),
  WRONG_EVALUATION: entry('invalid', '这张选票不属于本次测评'),
  // who you are, and what is yours to do (401, 403, 404, 423)
  UNAUTHENTICATED: entry('unauthenticated', '请先登录'),
  INVALID_CREDENTIALS: entry('unauthenticated', '用户名或密码错误'),
  FORBIDDEN: entry('forbidden', (message = '没有权限执行此操作') => message),
  ACCOUNT_DISABLED: entry('forbidden', '账号已停用'),
  CROSS_SITE_REQUEST: entry('forbidden', '请从本平台的页面提交'),
  CSRF_FAILED: entry('forbidden', '页面已过期，请刷新后重试'),
  SAME_PERSON: entry('forbidden', '报告的提交人不能认可自己提交的报告'),
  NOT_TELLER: entry('forbidden', (teller: number) => `只有指定的第${teller}计票人可以录入这一份`),
  TELLER_CANNOT_CONFIRM: entry('forbidden', '计票人不能确认自己参与的计票'),
  NOT_FOUND: entry('notFound', (message = '找不到您要的内容') => message),
  ACCOUNT_LOCKED: entry('locked', (minutes: number) => `登录失败次数过多，请${minutes}分钟后再试`),
  // clashes with the current state (409)
  EXISTS: entry('conflict', (what: string) => `${what}已存在`),
  USERNAME_TAKEN: entry('conflict', '用户名已被使用'),
  ANALYSIS_CHANGED: entry('conflict', '这份党性分析材料刚有过改动（可能在另一处保存过），请刷新后再改'),
  ANALYSIS_LOCKED: entry(
    'conflict',
    (state = '已提交') => `党性分析材料${state}，不能再修改；需要修改的，请党组织退回`,
  ),
  ANALYSIS_NOT_SUBMITTED: entry('conflict', '这份党性分析材料还没有提交，不能把关'),
  NOTHING_TO_PUBLISH: entry('conflict', '还没有经党组织认可的党性分析材料，认可后才能公开'),
  ANALYSIS_APPROVED: entry('conflict', '这份党性分析材料已经认可，结果已固定，不能再改动'),
  UNIT_NAME_TAKEN: entry('conflict', '本活动中已有同名单位'),
  SETTINGS_FROZEN: entry(
    'conflict',
    '活动已开始收集意见或投票，匿名下限、满意率标准等设置已经冻结，不能再改（以免改变对群众的承诺）',
  ),
  CHANGED_MEANWHILE: entry('conflict', (what: string) => `${what}已被他人修改，请刷新后重试`),
  WRONG_STAGE: entry('conflict', (stage: string, then: string) => `单位进入“${stage}”阶段后才能${then}`),
  LAST_STAGE: entry('conflict', (stage: string) => `已处于最后阶段（${stage}）`),
  REQUEST_PENDING: entry('conflict', '已有待审批的转段申请'),
  NO_REQUEST: entry('conflict', '没有待审批的转段申请'),
  REPORT_NOT_APPROVED: entry('conflict', (then: string) => `分析评议报告经督导组认可后，才能${then}`),
  REPORT_APPROVED: entry('conflict', '分析评议报告已经督导组认可，不能再修改'),
  REPORT_STATE: entry('conflict', (state: string) =>
    state === 'submitted'
      ? '报告已报督导组，等待认可或退回'
      : state === 'none'
        ? '还没有生成分析评议报告'
        : '报告当前状态不能进行此操作',
  ),
  REPORT_CHANGED: entry('conflict', '报告状态已变化，请刷新后重试'),
  MEASURE_EVALUATED: entry('conflict', '这项措施已交群众满意度测评，不能删除；可以修改或记录进展'),
  REPORT_STALE: entry('conflict', '问题清单在生成报告后改过，请先重新生成报告，核对后再报送'),
  REPORT_LOCKED: entry('conflict', (what: string) => `分析评议报告已报督导组或已认可，${what}不能再修改`),
  PROBLEM_CHANGED: entry('conflict', (now?: string) =>
    now ? `这个问题已被他人修改：${now}，请核对后重新保存` : '问题已被修改或删除，请刷新后重试',
  ),
  MEMBER_CHANGED: entry('conflict', (now?: string) =>
    now ? `这名党员的信息已被他人修改：${now}，请核对后重新保存` : '这名党员的信息刚被修改过，请刷新后再试',
  ),
  ACCOUNT_CHANGED: entry('conflict', (now?: string) =>
    now ? `账号已被他人修改：${now}，请核对后重新保存` : '这个账号刚被修改过，请刷新后再试',
  ),
  DETERMINATION_CHANGED: entry('conflict', (name = '这名党员', now?: string) =>
    now
      ? `${name}的组织评定已被他人修改：${now}，请核对后重新保存`
      : `${name}的组织评定刚被修改过，请刷新后再试`,
  ),
  MEASURE_CHANGED: entry('conflict', (now?: string) =>
    now ? `这项整改措施已被他人修改：${now}，请核对后重新保存` : '这项整改措施刚被修改过，请刷新后再试',
  ),
  NO_MEASURES: entry('conflict', '还没有制定整改措施，无法测评'),
  NO_MEMBERS: entry('conflict', '本单位没有可参加评议的正式党员'),
  SUBMISSION_CONFLICT: entry('conflict', '这份意见已经提交过，内容不同。如需再提一条意见，请重新打开页面。'),
  REQUEST_REUSED: entry('conflict', '页面已失效，请重新扫码后再投'),
  CODE_USED: entry(
    'conflict',
    '这张选票已经投过，每张选票只能投一次。如果是您刚才投的，您的选票已经收到，不必再投。',
  ),
  CODE_EXISTS: entry('conflict', '选票码重复，请重新制发'),
  CODE_CHANGED: entry('conflict', '选票码状态已变化'),
  LINK_EVALUATION: entry('conflict', '本次测评凭公开链接进行，不制发选票码'),
  MORE_THAN_DUE: entry(
    'conflict',
    (group: string, due: number, out: number, count: number) =>
      `${group}应到${due}人，已制发${out}张；再制发${count}张将多出${out + count - due}张。如确需多发（如备用），请勾选“确认超出应到人数”后再制发。`,
  ),
  SESSION_OPEN: entry('conflict', '投票结束后才能确认计票'),
  COUNTING_NOT_STARTED: entry('conflict', '投票结束后才能录入纸质选票'),
  SAME_ACCOUNT_BOTH_SIDES: entry('conflict', '同一账号不能录入同一张选票的两份'),
  NO_TELLERS: entry('conflict', '本次评议发放了纸质选票，请先指定两名计票人并录入'),
  COUNT_CHANGED: entry('conflict', '计票情况已变化，请刷新后重试'),
  COUNT_CONFIRMED: entry('conflict', '计票已经结束，结果已封存，不能再修改'),
  COUNT_NOT_CONFIRMED: entry('conflict', (then: string) => `督导组确认计票结束后才能${then}`),
  UNRESOLVED_SLIPS_DIFFER: entry('conflict', (open: string) =>
    open
      ? `尚未解决的纸质选票为第${open}号，确认时须逐一列明（这些选票不计入结果）`
      : '目前没有未解决的纸质选票，请刷新后再确认',
  ),
  EVALUATION_PENDING: entry('conflict', '上一次测评还没有计票，请先结束并计票'),
  EVALUATION_OPEN: entry('conflict', '测评结束后才能计票'),
  EVALUATION_COUNTED: entry('conflict', '本次测评已经计票，结果已封存'),
  EVALUATION_NOT_COUNTED: entry('conflict', '群众满意度测评计票后，才能结束“整改提高”阶段'),
  COUNT_TOO_EARLY: entry('conflict', '测评结束一分钟后才能计票（等待正在提交的评价写完）'),
  REMEDIAL_PENDING: entry('conflict', '最近一次群众满意度测评未达标，须补课后重新测评'),
  // closed, revoked, over (410)
  ROUND_NOT_OPEN: entry('gone', '本轮征求意见尚未开始'),
  ROUND_CLOSED: entry('gone', '本轮征求意见已经结束，感谢您的关注'),
  SESSION_NOT_OPEN: entry('gone', '本次民主评议尚未开始'),
  SESSION_CLOSED: entry('gone', '本次民主评议已经结束'),
  EVALUATION_NOT_OPEN: entry('gone', '本次满意度测评尚未开始'),
  EVALUATION_CLOSED: entry('gone', '本次满意度测评已经结束，感谢您的关注'),
  CODE_REVOKED: entry('gone', '这张选票已作废，请向组织者领取新的选票'),
  // the request or the service (413, 415, 429, 503, 500)
  PAYLOAD_TOO_LARGE: entry('tooLarge', '提交的内容太长'),
  UNSUPPORTED_MEDIA_TYPE: entry('unsupportedMedia', '请以 JSON 格式提交（Content-Type: application/json）'),
  TOO_MANY_REQUESTS: entry('tooMany', '提交的人太多了，请稍后再试'),
  UNAVAILABLE: entry('unavailable', (message = '服务暂时不可用，请稍后再试') => message),
  INTERNAL: entry('internal', (requestId: string) => `服务器内部错误，请稍后再试（请求编号 ${requestId}）`),
} as const;

export type ErrorCode = keyof typeof catalogue;
type Particulars<C extends ErrorCode> = (typeof catalogue)[C]['message'] extends (...a: infer A) => string
  ? A
  : [];

/** The kind of every catalogued code (for tests and the API reference). */
export const kindOf = (code: ErrorCode): ErrorKind => catalogue[code].kind;
export const errorCodes = Object.keys(catalogue) as ErrorCode[];

/** The error of a catalogued code, its message filled with the case's particulars where it names any. */
export function fail<C extends ErrorCode>(code: C, ...particulars: Particulars<C>): AppError {
  const { kind, message } = catalogue[code];
  const text =
    typeof message === 'function' ? (message as (...a: unknown[]) => string)(...particulars) : message;
  return new AppError(kind, code, text);
}

/** `fail` with field problems, for the codes whose details name the fields (or slips) concerned. */
export function failWith<C extends ErrorCode>(
  code: C,
  details: FieldProblem[],
  ...particulars: Particulars<C>
) {
  const e = fail(code, ...particulars);
  return new AppError(e.kind, e.code, e.message, details);
}

export const validationError = (details: FieldProblem[], message?: string) =>
  failWith('VALIDATION_FAILED', details, message);
export const unauthorized = () => fail('UNAUTHENTICATED');
export const forbidden = (message?: string) => fail('FORBIDDEN', message);
export const notFound = (message?: string) => fail('NOT_FOUND', message);
export const payloadTooLarge = () => fail('PAYLOAD_TOO_LARGE');
export const tooManyRequests = () => fail('TOO_MANY_REQUESTS');
export const unavailable = (message?: string) => fail('UNAVAILABLE', message);
