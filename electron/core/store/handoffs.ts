import type { Db } from './db';
import { prepared } from './statements';

export interface NewHandoff {
  questionId: number;
  departmentId: number;
  /** Question reference and department code: "2026-0412/energy". */
  reference: string;
  dueDate: string;
  createdAt: number;
}

export interface Handoff extends NewHandoff {
  id: number;
  status: 'open' | 'resolved' | 'overdue';
}

const INSERT = `
  INSERT INTO handoff (question_id, department_id, reference, due_date, created_at, updated_at)
  VALUES (@questionId, @departmentId, @reference, @dueDate, @createdAt, @createdAt)
  RETURNING id, question_id AS questionId, department_id AS departmentId, reference,
            due_date AS dueDate, created_at AS createdAt, status
`;

const COUNT_FOR = `SELECT COUNT(*) AS n FROM handoff WHERE question_id = @questionId`;

export function insertHandoff(db: Db, handoff: NewHandoff): Handoff {
  return prepared(db, INSERT).get(handoff) as Handoff;
}

/** A question handed off again (to a second department) gets a suffixed reference. */
export function countHandoffs(db: Db, questionId: number): number {
  return (prepared(db, COUNT_FOR).get({ questionId }) as { n: number }).n;
}
