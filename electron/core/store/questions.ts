import type { Channel, District, Language, QuestionStatus } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { GROUP_SIZE_SORT_LIMIT, QUESTION_FLAGS, suggestionsSchema, type InboxFilter, type InboxSort, type Question, type Suggestions } from '../../../shared/protocol';
import type { Db } from './db';
import { parseOnAirName, surnameFirstByDefault } from '../analysis/onAirName';
import { referenceQuery } from '../../../shared/text';
import { ftsMatchExpression } from './search';
import { prepared } from './statements';

/** A question as intake hands it to storage. */
export interface NewQuestion {
  channel: Channel;
  externalId: string;
  senderName: string;
  senderContact: string | null;
  senderUserId: string | null;
  district: District | null;
  topic: string | null;
  language: Language | null;
  text: string;
  meta: Record<string, unknown>;
  receivedAt: number;
  /** Calendar year of receipt in Asia/Almaty, the prefix of the reference number. */
  referenceYear: number;
}

interface QuestionRow {
  id: number;
  reference: string;
  channel: Channel;
  sender_name: string;
  air_name: string;
  air_name_check: number;
  sender_contact: string | null;
  district: District | null;
  topic: string | null;
  language: Language | null;
  original_text: string;
  air_text: string;
  status: QuestionStatus;
  reject_reason: string | null;
  received_at: number;
  updated_at: number;
  version: number;
  flags: string;
  speaker: string | null;
  group_id: number | null;
  group_size: number | null;
  suggestions: string;
}

const COLUMNS = `
  q.id, q.reference, q.channel, q.sender_name, q.air_name, q.air_name_check, q.sender_contact, q.district, q.topic, q.language,
  q.original_text, q.air_text, q.status, q.reject_reason, q.received_at, q.updated_at, q.version,
  q.flags, q.speaker, q.group_id, g.size AS group_size, q.suggestions
`;
const FROM = `question q LEFT JOIN question_group g ON g.id = q.group_id`;

const KNOWN_FLAGS = new Set<string>(QUESTION_FLAGS);

function parseSuggestions(json: string): Suggestions {
  const parsed = suggestionsSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : { topic: null, district: null, speaker: null };
}

function toQuestion(row: QuestionRow): Question {
  return {
    id: row.id,
    reference: row.reference,
    channel: row.channel,
    senderName: row.sender_name,
    airName: row.air_name,
    airNameToCheck: row.air_name_check === 1,
    senderContact: row.sender_contact,
    district: row.district,
    topic: row.topic,
    language: row.language,
    originalText: row.original_text,
    airText: row.air_text,
    status: row.status,
    rejectReason: row.reject_reason,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    version: row.version,
    flags: (JSON.parse(row.flags) as string[]).filter((f) => KNOWN_FLAGS.has(f)) as Question['flags'],
    speaker: row.speaker,
    groupId: row.group_id,
    groupSize: row.group_size ?? 1,
    suggestions: parseSuggestions(row.suggestions),
  };
}

// The id and reference come from the inbound ledger (store/inbound.ts), reserved when the
// message was acknowledged.
const INSERT = `
  INSERT INTO question (
    id, reference, channel, external_id, sender_name, air_name, air_name_check, sender_contact, sender_user_id,
    district, topic, language, original_text, air_text, meta, received_at, updated_at
  ) VALUES (
    @id, @reference, @channel, @externalId, @senderName, @airName, @airNameCheck, @senderContact, @senderUserId,
    @district, @topic, @language, @text, @text, @meta, @receivedAt, @receivedAt
  )
`;

const BY_ID = `SELECT ${COLUMNS} FROM ${FROM} WHERE q.id = @id`;

const BY_STATUS = `
  SELECT ${COLUMNS} FROM ${FROM}
  WHERE q.status = @status
  ORDER BY q.updated_at DESC, q.id DESC
  LIMIT @limit
`;

const BY_GROUP = `
  SELECT ${COLUMNS} FROM ${FROM}
  WHERE q.group_id = @groupId
  ORDER BY q.id
  LIMIT @limit
`;

const UPDATE_STATE = `
  UPDATE question
  SET status = @status,
      reject_reason = @rejectReason,
      air_text = @airText,
      updated_at = @now,
      version = version + 1
  WHERE id = @id AND version = @version
`;

const UPDATE_FIELDS = `
  UPDATE question
  SET air_text = @airText,
      air_name = @airName,
      air_name_check = @airNameCheck,
      topic = @topic,
      district = @district,
      speaker = @speaker,
      updated_at = @now,
      version = version + 1
  WHERE id = @id AND version = @version
`;

const RESTORE = `
  UPDATE question
  SET status = @status,
      reject_reason = @rejectReason,
      air_text = @airText,
      air_name = @airName,
      air_name_check = @airNameCheck,
      topic = @topic,
      district = @district,
      speaker = @speaker,
      updated_at = @now,
      version = version + 1
  WHERE id = @id AND version = @version
`;

const SET_ANALYSIS = `
  UPDATE question
  SET flags = @flags, flagged = @flagged, suggestions = @suggestions
  WHERE id = @id
`;

const SET_FLAGS = `UPDATE question SET flags = @flags, flagged = 1 WHERE id = @id`;

const SET_GROUP = `UPDATE question SET group_id = @groupId WHERE id = @id`;

const BUMP_VERSION = `
  UPDATE question SET updated_at = @now, version = version + 1
  WHERE id = @id AND version = @version
`;

/** What a fresh row's `suggestions` column default ('{}') reads as. */
const NO_SUGGESTIONS: Suggestions = parseSuggestions('{}');

/**
 * Inserts the question of an inbound message at the place the ledger reserved for it. A new
 * question is returned as `getQuestion` would read it, without reading it back: every column is
 * the input or a default.
 */
export function insertQuestion(db: Db, input: NewQuestion, place: { id: number; reference: string }): Question {
  const airName = parseOnAirName(input.senderName, surnameFirstByDefault(input.channel));
  prepared(db, INSERT).run({
    id: place.id,
    reference: place.reference,
    channel: input.channel,
    externalId: input.externalId,
    senderName: input.senderName,
    airName: airName.firstName,
    airNameCheck: airName.toCheck ? 1 : 0,
    senderContact: input.senderContact,
    senderUserId: input.senderUserId,
    district: input.district,
    topic: input.topic,
    language: input.language,
    text: input.text,
    meta: JSON.stringify(input.meta),
    receivedAt: input.receivedAt,
  });
  return {
    id: place.id,
    reference: place.reference,
    channel: input.channel,
    senderName: input.senderName,
    airName: airName.firstName,
    airNameToCheck: airName.toCheck,
    senderContact: input.senderContact,
    district: input.district,
    topic: input.topic,
    language: input.language,
    originalText: input.text,
    airText: input.text,
    status: 'new',
    rejectReason: null,
    receivedAt: input.receivedAt,
    updatedAt: input.receivedAt,
    version: 1,
    flags: [],
    speaker: null,
    groupId: null,
    groupSize: 1,
    suggestions: { ...NO_SUGGESTIONS },
  };
}

export function getQuestion(db: Db, id: number): Question | null {
  const row = prepared(db, BY_ID).get({ id }) as QuestionRow | undefined;
  return row ? toQuestion(row) : null;
}

function mustGet(db: Db, id: number): Question {
  const q = getQuestion(db, id);
  if (!q) throw new AppError('not_found');
  return q;
}

// Each filter field adds one fixed SQL fragment; user values only ever travel as parameters.
const FILTER_SQL: Record<Exclude<keyof InboxFilter, 'text' | 'flagged' | 'sort'>, string> = {
  status: 'q.status = @status',
  statuses: 'q.status IN (SELECT value FROM json_each(@statuses))',
  channel: 'q.channel = @channel',
  topic: 'q.topic = @topic',
  district: 'q.district = @district',
  language: 'q.language = @language',
  speaker: 'q.speaker = @speaker',
  flag: 'EXISTS (SELECT 1 FROM json_each(q.flags) WHERE json_each.value = @flag)',
  from: 'q.received_at >= @from',
  to: 'q.received_at < @to',
};
const FILTER_KEYS = Object.keys(FILTER_SQL) as Array<keyof typeof FILTER_SQL>;

/**
 * A near-duplicate group is one row in the inbox: members folded into another (merged) are not
 * listed, and of the members still waiting only the oldest is (with the group's count). A text
 * search lists every match: the producer is looking for one message.
 */
const COLLAPSE_GROUPS = [
  `q.status != 'merged'`,
  `NOT (q.status = 'new' AND EXISTS (
     SELECT 1 FROM question o WHERE o.group_id = q.group_id AND o.status = 'new' AND o.id < q.id))`,
];

type InboxPage = { limit: number; beforeId?: number | undefined; afterId?: number | undefined };

/**
 * Each order with its keyset cursor: newest pages down from `beforeId`, oldest up from `afterId`;
 * the group-size order has no cursor (one page, GROUP_SIZE_SORT_LIMIT rows at most).
 */
function ordering(sort: InboxSort, id: string, page: InboxPage): { cursor: string[]; params: Record<string, number>; orderBy: string } {
  if (sort === 'oldest') return { cursor: [`${id} > @afterId`], params: { afterId: page.afterId ?? 0 }, orderBy: `${id} ASC` };
  if (sort === 'groupSize') return { cursor: [], params: {}, orderBy: `COALESCE(g.size, 1) DESC, ${id} DESC` };
  return { cursor: [`${id} < @beforeId`], params: { beforeId: page.beforeId ?? Number.MAX_SAFE_INTEGER }, orderBy: `${id} DESC` };
}

/** The SQL and parameters for one inbox page; exported so tests can EXPLAIN it. */
export function inboxQuery(filter: InboxFilter, page: InboxPage): { sql: string; params: Record<string, unknown> } {
  const sort = filter.sort ?? 'newest';
  // A time range is the narrowest filter producers use (an episode, the last hour): walk the
  // received-at index and sort that slice, rather than an equality index over the whole archive.
  // The unary + keeps the planner off the other indexes.
  const ranged = filter.from !== undefined || filter.to !== undefined;
  const byId = ordering(sort, ranged ? '+q.id' : 'q.id', page);
  const where: string[] = [];
  const params: Record<string, unknown> = { ...byId.params, limit: sort === 'groupSize' ? Math.min(page.limit, GROUP_SIZE_SORT_LIMIT) : page.limit };
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value === undefined) continue;
    const ranges = key === 'from' || key === 'to';
    where.push(ranged && !ranges ? `+${FILTER_SQL[key]}` : FILTER_SQL[key]);
    // A list travels as one JSON parameter, read back by json_each.
    params[key] = Array.isArray(value) ? JSON.stringify(value) : value;
  }
  // Literal, not a parameter, so the partial index on flagged questions applies.
  const plus = ranged ? '+' : '';
  // A flag implies flagged, which lets the partial index narrow the scan before the flag test.
  if (filter.flagged === true || (filter.flag !== undefined && filter.flagged === undefined)) where.push(`${plus}q.flagged = 1`);
  if (filter.flagged === false) where.push(`${plus}q.flagged = 0`);
  const match = filter.text === undefined ? null : ftsMatchExpression(filter.text);
  const and = (clauses: string[]): string => (clauses.length === 0 ? '1' : clauses.join(' AND '));
  if (match === null) {
    if (filter.status !== 'merged') where.push(...COLLAPSE_GROUPS);
    return {
      sql: `SELECT ${COLUMNS} FROM ${FROM} WHERE ${and([...byId.cursor, ...where])} ORDER BY ${byId.orderBy} LIMIT @limit`,
      params,
    };
  }
  params.match = match;
  const reference = referenceQuery(filter.text ?? '');
  if (reference) {
    // A reference number ("2026-0042", "42") finds its question besides any text containing it:
    // the question by its unique reference or id, or'ed with the text matches.
    const byReference = reference.kind === 'reference' ? 'q.reference = @reference' : 'q.id = @referenceId';
    if (reference.kind === 'reference') params.reference = reference.reference;
    else params.referenceId = reference.id;
    return {
      sql: `SELECT ${COLUMNS} FROM ${FROM}
        WHERE (${byReference} OR q.id IN (SELECT rowid FROM question_fts WHERE question_fts MATCH @match))
          AND ${and([...byId.cursor, ...where])}
        ORDER BY ${byId.orderBy} LIMIT @limit`,
      params,
    };
  }
  // The FTS table drives the loop in rowid order, so a page stops early.
  const byRowid = ordering(sort, 'f.rowid', page);
  return {
    sql: `SELECT ${COLUMNS} FROM question_fts f JOIN question q ON q.id = f.rowid
      LEFT JOIN question_group g ON g.id = q.group_id
      WHERE question_fts MATCH @match AND ${and([...byRowid.cursor, ...where])}
      ORDER BY ${byRowid.orderBy} LIMIT @limit`,
    params,
  };
}

/**
 * One page of the inbox in the filter's sort; `hasMore` says whether a next page exists (never for
 * the group-size order, which is one page).
 */
export function listInbox(db: Db, filter: InboxFilter, page: InboxPage): { items: Question[]; hasMore: boolean } {
  if (filter.sort === 'groupSize') {
    const { sql, params } = inboxQuery(filter, page);
    return { items: (prepared(db, sql).all(params) as QuestionRow[]).map(toQuestion), hasMore: false };
  }
  const { sql, params } = inboxQuery(filter, { ...page, limit: page.limit + 1 });
  const rows = prepared(db, sql).all(params) as QuestionRow[];
  return { items: rows.slice(0, page.limit).map(toQuestion), hasMore: rows.length > page.limit };
}

export function listByStatus(db: Db, status: QuestionStatus, limit: number): Question[] {
  return (prepared(db, BY_STATUS).all({ status, limit }) as QuestionRow[]).map(toQuestion);
}

export function listGroupMembers(db: Db, groupId: number, limit = 200): Question[] {
  return (prepared(db, BY_GROUP).all({ groupId, limit }) as QuestionRow[]).map(toQuestion);
}

function checkVersion(db: Db, id: number, version: number): Question {
  const current = getQuestion(db, id);
  if (!current) throw new AppError('not_found');
  if (current.version !== version) throw new AppError('stale', { current });
  return current;
}

export interface StateChange {
  status: QuestionStatus;
  rejectReason?: string | null;
  airText?: string;
}

/**
 * Optimistic concurrency: the change applies only to the version the producer saw. A stale
 * change throws `stale` carrying the fresh question, never overwriting someone else's work.
 */
export function updateQuestionState(
  db: Db,
  id: number,
  version: number,
  change: StateChange,
  now: number,
): Question {
  const current = checkVersion(db, id, version);
  const result = prepared(db, UPDATE_STATE).run({
    id,
    version,
    now,
    status: change.status,
    rejectReason: change.rejectReason === undefined ? current.rejectReason : change.rejectReason,
    airText: change.airText ?? current.airText,
  });
  if (result.changes === 0) throw new AppError('stale', { current: getQuestion(db, id) });
  return mustGet(db, id);
}

/** Fields a producer edits without changing status. */
export interface FieldChange {
  airText?: string;
  /** The on-air first name as a producer confirmed it: no longer to check. */
  airName?: string;
  topic?: string | null;
  district?: District | null;
  speaker?: string | null;
}

/** Same optimistic-concurrency rule as {@link updateQuestionState}. */
export function updateQuestionFields(db: Db, id: number, version: number, change: FieldChange, now: number): Question {
  const current = checkVersion(db, id, version);
  prepared(db, UPDATE_FIELDS).run({
    id,
    version,
    now,
    airText: change.airText ?? current.airText,
    airName: change.airName ?? current.airName,
    airNameCheck: change.airName === undefined && current.airNameToCheck ? 1 : 0,
    topic: change.topic === undefined ? current.topic : change.topic,
    district: change.district === undefined ? current.district : change.district,
    speaker: change.speaker === undefined ? current.speaker : change.speaker,
  });
  return mustGet(db, id);
}

/** The fields an undo puts back. */
export type QuestionSnapshot = Pick<
  Question,
  'status' | 'rejectReason' | 'airText' | 'airName' | 'airNameToCheck' | 'topic' | 'district' | 'speaker'
>;

export function snapshotOf(q: Question): QuestionSnapshot {
  return {
    status: q.status,
    rejectReason: q.rejectReason,
    airText: q.airText,
    airName: q.airName,
    airNameToCheck: q.airNameToCheck,
    topic: q.topic,
    district: q.district,
    speaker: q.speaker,
  };
}

/** Puts a question back as it was (undo); bypasses the status flow, keeps the version rule. */
export function restoreQuestion(db: Db, id: number, version: number, snapshot: QuestionSnapshot, now: number): Question {
  checkVersion(db, id, version);
  const { airNameToCheck, ...fields } = snapshot;
  prepared(db, RESTORE).run({ id, version, now, ...fields, airNameCheck: airNameToCheck ? 1 : 0 });
  return mustGet(db, id);
}

/** Counts a change made elsewhere (group membership) as a new version of the question. */
export function bumpVersion(db: Db, id: number, version: number, now: number): Question {
  checkVersion(db, id, version);
  prepared(db, BUMP_VERSION).run({ id, version, now });
  return mustGet(db, id);
}

/** A flag raised by how a message arrived rather than by its text (a flood); part of the insert, no new version. */
export function addArrivalFlag(db: Db, question: Question, flag: Question['flags'][number]): Question {
  const flags = QUESTION_FLAGS.filter((f) => f === flag || question.flags.includes(f));
  prepared(db, SET_FLAGS).run({ id: question.id, flags: JSON.stringify(flags) });
  return { ...question, flags };
}

/** Derived data computed at intake: flags and suggestions (part of the insert, no new version). */
export function setAnalysis(db: Db, id: number, flags: readonly string[], suggestions: Suggestions): void {
  prepared(db, SET_ANALYSIS).run({
    id,
    flags: JSON.stringify(flags),
    flagged: flags.length > 0 ? 1 : 0,
    suggestions: JSON.stringify(suggestions),
  });
}

const SET_INTAKE_ANALYSIS = `
  UPDATE question
  SET flags = @flags, flagged = @flagged, suggestions = @suggestions, group_id = @groupId
  WHERE id = @id
`;

/**
 * Intake's derived data in one write: flags, suggestions and the group a new question joins
 * (the caller keeps the group's size). Returns the question with them, as `getQuestion` reads it.
 */
export function setIntakeAnalysis(
  db: Db,
  question: Question,
  analysis: { flags: readonly string[]; suggestions: Suggestions; groupId: number; groupSize: number },
): Question {
  const flags = JSON.stringify(analysis.flags);
  const suggestions = JSON.stringify(analysis.suggestions);
  prepared(db, SET_INTAKE_ANALYSIS).run({
    id: question.id,
    flags,
    flagged: analysis.flags.length > 0 ? 1 : 0,
    suggestions,
    groupId: analysis.groupId,
  });
  // As stored, without reading it back: the analysis made these values, so they need no parsing.
  return {
    ...question,
    flags: analysis.flags.filter((f) => KNOWN_FLAGS.has(f)) as Question['flags'],
    groupId: analysis.groupId,
    groupSize: analysis.groupSize,
    suggestions: analysis.suggestions,
  };
}

export function setGroup(db: Db, id: number, groupId: number): void {
  prepared(db, SET_GROUP).run({ id, groupId });
}

export function countQuestions(db: Db): number {
  return (prepared(db, `SELECT COUNT(*) AS n FROM question`).get() as { n: number }).n;
}
