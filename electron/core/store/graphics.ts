import { DEFAULT_GRAPHICS_STYLE, graphicsStyleSchema, type GraphicsStyle } from '../../../shared/protocol';
import type { Db } from './db';
import { prepared } from './statements';

const GET_SHOWN = `SELECT question_id AS questionId FROM graphics_output WHERE id = 1`;
const SET_SHOWN = `
  UPDATE graphics_output
  SET question_id = @questionId, taken_at = @takenAt, updated_at = @now
  WHERE id = 1
`;

const STYLE_KEY = 'graphics.style';
const GET_STYLE = `SELECT value FROM setting WHERE key = @key`;
const PUT_STYLE = `
  INSERT INTO setting (key, value, updated_at) VALUES (@key, @value, @now)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
`;

/** The question taken to graphics, or null when they are cleared. */
export function getGraphicsQuestion(db: Db): number | null {
  const row = prepared(db, GET_SHOWN).get() as { questionId: number | null } | undefined;
  return row?.questionId ?? null;
}

export function setGraphicsQuestion(db: Db, questionId: number | null, now: number): void {
  prepared(db, SET_SHOWN).run({ questionId, takenAt: questionId === null ? null : now, now });
}

/** Validated on read: a damaged row gives the default look rather than a broken page. */
export function getGraphicsStyle(db: Db): GraphicsStyle {
  const row = prepared(db, GET_STYLE).get({ key: STYLE_KEY }) as { value: string } | undefined;
  if (!row) return DEFAULT_GRAPHICS_STYLE;
  try {
    return graphicsStyleSchema.safeParse(JSON.parse(row.value)).data ?? DEFAULT_GRAPHICS_STYLE;
  } catch {
    return DEFAULT_GRAPHICS_STYLE;
  }
}

export function saveGraphicsStyle(db: Db, style: GraphicsStyle, now: number): void {
  prepared(db, PUT_STYLE).run({ key: STYLE_KEY, value: JSON.stringify(style), now });
}
