import type { TableId } from './table';

/**
 * Key builders: the only place stored key values are spelled. Values are
 * prefixed and readable (`UNIT#u1`, `MEMBER#m1`). Each entity lives in its
 * own partition (`TYPE#id` / `META`); lists are named queries on a GSI or on
 * the base table (see `accessPatterns`).
 */
export const keys = {
  /** A fixed item the health check reads; it need not exist. */
  health: () => ({ pk: 'HEALTH', sk: 'HEALTH' }),
  /** Marks that the demo campaign was seeded, so a restart does not seed twice. */
  demoSeed: () => ({ pk: 'SEED', sk: 'DEMO' }),

  campaign: (id: string) => ({ pk: `CAMPAIGN#${id}`, sk: 'META' }),
  /** One entry of a campaign's append-only publication log, by its number (1, 2, …). */
  publicationEntry: (campaignId: string, seq: number) => ({
    pk: `CAMPAIGN#${campaignId}`,
    sk: `PUBLOG#${String(seq).padStart(8, '0')}`,
  }),
  /** The head of a campaign's publication log: its latest entry's number and hash. */
  publicationHead: (campaignId: string) => ({ pk: `CAMPAIGN#${campaignId}`, sk: 'PUBLOG_HEAD' }),
  campaignListing: (createdAt: string, id: string) => ({ gsi1pk: 'CAMPAIGNS', gsi1sk: `${createdAt}#${id}` }),

  group: (id: string) => ({ pk: `GROUP#${id}`, sk: 'META' }),
  groupListing: (campaignId: string, name: string, id: string) => ({
    gsi1pk: `CAMPAIGN#${campaignId}#GROUPS`,
    gsi1sk: `${name}#${id}`,
  }),

  unit: (id: string) => ({ pk: `UNIT#${id}`, sk: 'META' }),
  unitListings: (campaignId: string, groupId: string, name: string, id: string) => ({
    gsi1pk: `CAMPAIGN#${campaignId}#UNITS`,
    gsi1sk: `${name}#${id}`,
    gsi2pk: `GROUP#${groupId}#UNITS`,
    gsi2sk: `${name}#${id}`,
  }),
  /** Holds a unit name within a campaign, so two units can't share one. */
  unitName: (campaignId: string, name: string) => ({ pk: `CAMPAIGN#${campaignId}#UNITNAME`, sk: name }),

  member: (unitId: string, id: string) => ({ pk: `UNIT#${unitId}`, sk: `MEMBER#${id}` }),

  account: (username: string) => ({ pk: `ACCOUNT#${username}`, sk: 'META' }),
  accountListing: (username: string) => ({ gsi1pk: 'ACCOUNTS', gsi1sk: username }),

  /** Password checks reserved for a username (existing or not), with its lock window; expires by TTL. */
  signInAttempts: (username: string) => ({ pk: `SIGNIN#${username}`, sk: 'ATTEMPTS' }),

  audit: (at: string, id: string) => ({ pk: 'AUDIT', sk: `${at}#${id}` }),

  /** An opinion-collection round; its id is the public link's token. */
  round: (id: string) => ({ pk: `ROUND#${id}`, sk: 'META' }),
  roundListing: (unitId: string, createdAt: string, id: string) => ({
    gsi1pk: `UNIT#${unitId}#ROUNDS`,
    gsi1sk: `${createdAt}#${id}`,
  }),
  /** One version of a round's form, kept because opinions refer to it. */
  formVersion: (roundId: string, version: number) => ({
    pk: `ROUND#${roundId}`,
    sk: `FORM#${String(version).padStart(4, '0')}`,
  }),
  /** An opinion, keyed by the random submission id its page carried (nothing about the person). */
  opinion: (roundId: string, submissionId: string) => ({
    pk: `ROUND#${roundId}`,
    sk: `OPINION#${submissionId}`,
  }),

  /** Live opinion counts of a unit (`ALL`) or of one of its rounds (`ROUND#id`), kept from the stream. */
  opinionAggregate: (unitId: string, scope: string) => ({ pk: `UNIT#${unitId}`, sk: `AGG#${scope}` }),

  /** A problem the unit's leader merged opinions into. */
  problem: (unitId: string, id: string) => ({ pk: `UNIT#${unitId}`, sk: `PROBLEM#${id}` }),
  /** A rectification measure (整改措施) of one of the unit's problems. */
  measure: (unitId: string, id: string) => ({ pk: `UNIT#${unitId}`, sk: `MEASURE#${id}` }),
  /**
   * Lists a measure that is not done under its unit's campaign (sparse), by its
   * supervision group and then by deadline: a group's open measures are one
   * begins_with Query, the campaign's one Query.
   */
  openMeasureListing: (
    where: { campaignId: string; groupId: string },
    deadline: string,
    unitId: string,
    id: string,
  ) => ({
    gsi1pk: `CAMPAIGN#${where.campaignId}#OPEN_MEASURES`,
    gsi1sk: `${where.groupId}#${deadline}#${unitId}#${id}`,
  }),
  /** A long-term mechanism (长效机制) the unit set up. */
  mechanism: (unitId: string, id: string) => ({ pk: `UNIT#${unitId}`, sk: `MECHANISM#${id}` }),
  /** Good practice the unit submitted, listed campaign-wide for the office (and, once typical, for all). */
  practice: (unitId: string, id: string) => ({ pk: `UNIT#${unitId}`, sk: `PRACTICE#${id}` }),
  practiceListing: (campaignId: string, submittedAt: string, id: string) => ({
    gsi1pk: `CAMPAIGN#${campaignId}#PRACTICES`,
    gsi1sk: `${submittedAt}#${id}`,
  }),
  /** The unit's analysis report (one per unit). */
  report: (unitId: string) => ({ pk: `UNIT#${unitId}`, sk: 'REPORT' }),
  /** Finds an approved report by its disclosure token. */
  reportDisclosure: (token: string) => ({ gsi1pk: `DISCLOSURE#${token}`, gsi1sk: 'REPORT' }),

  /** A satisfaction evaluation of a unit's rectification; its id is the public link's token. */
  evaluation: (id: string) => ({ pk: `EVALUATION#${id}`, sk: 'META' }),
  evaluationListing: (unitId: string, createdAt: string, id: string) => ({
    gsi1pk: `UNIT#${unitId}#EVALUATIONS`,
    gsi1sk: `${createdAt}#${id}`,
  }),

  /** The unit's 党性分析 materials as last made public, and the listing of their page's token. */
  analysesDisclosure: (unitId: string) => ({ pk: `UNIT#${unitId}`, sk: 'ANALYSES' }),
  analysesDisclosureListing: (token: string) => ({ gsi1pk: `ANALYSES#${token}`, gsi1sk: 'ANALYSES' }),
  /** A party member's personal link, by the keyed hash of its token. */
  memberLink: (hash: string) => ({ pk: `MLINK#${hash}`, sk: 'META' }),
  /** A member's current personal link (its id, to print the slip again, and its hash). */
  memberLinkSlot: (unitId: string, memberId: string) => ({ pk: `UNIT#${unitId}`, sk: `MLINKOF#${memberId}` }),
  /** A member's 党性分析 material; its id is the member's. */
  /** A measure of a member's approved 党性分析 material, followed with the unit's rectification. */
  memberMeasure: (unitId: string, id: string) => ({ pk: `UNIT#${unitId}`, sk: `MMEASURE#${id}` }),
  selfAnalysis: (memberId: string) => ({ pk: `ANALYSIS#${memberId}`, sk: 'META' }),
  selfAnalysisListing: (unitId: string, memberId: string) => ({
    gsi1pk: `UNIT#${unitId}#ANALYSES`,
    gsi1sk: memberId,
  }),

  /** A democratic review session of a unit. */
  session: (id: string) => ({ pk: `SESSION#${id}`, sk: 'META' }),
  sessionListing: (unitId: string, createdAt: string, id: string) => ({
    gsi1pk: `UNIT#${unitId}#SESSIONS`,
    gsi1sk: `${createdAt}#${id}`,
  }),
  /** A ballot code of a vote, stored only as its keyed hash (ballot box table). */
  code: (hash: string) => ({ pk: `CODE#${hash}`, sk: 'META' }),
  codeListing: (voteId: string, group: string, hash: string) => ({
    gsi1pk: `VOTE#${voteId}#CODES`,
    gsi1sk: `${group}#${hash}`,
  }),
  /** A batch of minted codes (main table): count, group, who, when; its codes derive from its id. */
  codeBatch: (voteId: string, batchId: string) => ({ pk: `VOTE#${voteId}`, sk: `BATCH#${batchId}` }),
  /** A cast ballot, under an id derived from the page's request token; nothing in it points at a code (ballot box). */
  ballot: (voteId: string, ballotId: string) => ({ pk: `VOTE#${voteId}`, sk: `BALLOT#${ballotId}` }),
  /** One teller's entry of one paper slip (ballot box). */
  paperEntry: (voteId: string, slipNo: number, teller: 1 | 2) => ({
    pk: `VOTE#${voteId}`,
    sk: `PAPER#${String(slipNo).padStart(5, '0')}#${teller}`,
  }),
  /** A session's sealed results, written once when the count is confirmed. */
  sealedResults: (sessionId: string) => ({ pk: `SESSION#${sessionId}`, sk: 'RESULTS' }),
  /** The organisation's own determination for a member (组织评定). */
  determination: (sessionId: string, memberId: string) => ({
    pk: `SESSION#${sessionId}`,
    sk: `DETERMINATION#${memberId}`,
  }),
};

export type AccessPattern = {
  /** The table it reads; the main table unless said. */
  table?: TableId;
  index?: 'gsi1' | 'gsi2';
  pk: string;
  skPrefix?: string;
  newestFirst?: boolean;
};

const pattern = (p: AccessPattern) => p;

/** Every list the app serves, as a named Query (never a Scan). */
export const accessPatterns = {
  campaigns: () => pattern({ index: 'gsi1', pk: 'CAMPAIGNS' }),
  groupsOfCampaign: (campaignId: string) => pattern({ index: 'gsi1', pk: `CAMPAIGN#${campaignId}#GROUPS` }),
  unitsOfCampaign: (campaignId: string) => pattern({ index: 'gsi1', pk: `CAMPAIGN#${campaignId}#UNITS` }),
  unitsOfGroup: (groupId: string) => pattern({ index: 'gsi2', pk: `GROUP#${groupId}#UNITS` }),
  publicationLog: (campaignId: string) => pattern({ pk: `CAMPAIGN#${campaignId}`, skPrefix: 'PUBLOG#' }),
  membersOfUnit: (unitId: string) => pattern({ pk: `UNIT#${unitId}`, skPrefix: 'MEMBER#' }),
  memberLinksOfUnit: (unitId: string) => pattern({ pk: `UNIT#${unitId}`, skPrefix: 'MLINKOF#' }),
  selfAnalysesOfUnit: (unitId: string) => pattern({ index: 'gsi1', pk: `UNIT#${unitId}#ANALYSES` }),
  analysesDisclosure: (token: string) => pattern({ index: 'gsi1', pk: `ANALYSES#${token}` }),
  accounts: () => pattern({ index: 'gsi1', pk: 'ACCOUNTS' }),
  auditTrail: () => pattern({ pk: 'AUDIT', newestFirst: true }),
  roundsOfUnit: (unitId: string) =>
    pattern({ index: 'gsi1', pk: `UNIT#${unitId}#ROUNDS`, newestFirst: true }),
  problemsOfUnit: (unitId: string) => pattern({ pk: `UNIT#${unitId}`, skPrefix: 'PROBLEM#' }),
  measuresOfUnit: (unitId: string) => pattern({ pk: `UNIT#${unitId}`, skPrefix: 'MEASURE#' }),
  memberMeasuresOfUnit: (unitId: string) => pattern({ pk: `UNIT#${unitId}`, skPrefix: 'MMEASURE#' }),
  /** A group's measures not yet done, earliest deadline first. */
  openMeasuresOfGroup: (campaignId: string, groupId: string) =>
    pattern({ index: 'gsi1', pk: `CAMPAIGN#${campaignId}#OPEN_MEASURES`, skPrefix: `${groupId}#` }),
  /** A campaign's measures not yet done, by group, each group's earliest deadline first. */
  openMeasuresOfCampaign: (campaignId: string) =>
    pattern({ index: 'gsi1', pk: `CAMPAIGN#${campaignId}#OPEN_MEASURES` }),
  mechanismsOfUnit: (unitId: string) => pattern({ pk: `UNIT#${unitId}`, skPrefix: 'MECHANISM#' }),
  practicesOfUnit: (unitId: string) => pattern({ pk: `UNIT#${unitId}`, skPrefix: 'PRACTICE#' }),
  /** Every practice submitted in a campaign, newest first. */
  practicesOfCampaign: (campaignId: string) =>
    pattern({ index: 'gsi1', pk: `CAMPAIGN#${campaignId}#PRACTICES`, newestFirst: true }),
  disclosure: (token: string) => pattern({ index: 'gsi1', pk: `DISCLOSURE#${token}` }),
  opinionsOfRound: (roundId: string) => pattern({ pk: `ROUND#${roundId}`, skPrefix: 'OPINION#' }),
  evaluationsOfUnit: (unitId: string) =>
    pattern({ index: 'gsi1', pk: `UNIT#${unitId}#EVALUATIONS`, newestFirst: true }),
  sessionsOfUnit: (unitId: string) =>
    pattern({ index: 'gsi1', pk: `UNIT#${unitId}#SESSIONS`, newestFirst: true }),
  /** Keys only: the codes' states are read from the items themselves. */
  codesOfVote: (voteId: string) => pattern({ table: 'ballotBox', index: 'gsi1', pk: `VOTE#${voteId}#CODES` }),
  ballotsOfVote: (voteId: string) =>
    pattern({ table: 'ballotBox', pk: `VOTE#${voteId}`, skPrefix: 'BALLOT#' }),
  paperOfVote: (voteId: string) => pattern({ table: 'ballotBox', pk: `VOTE#${voteId}`, skPrefix: 'PAPER#' }),
  determinationsOfSession: (sessionId: string) =>
    pattern({ pk: `SESSION#${sessionId}`, skPrefix: 'DETERMINATION#' }),
};
