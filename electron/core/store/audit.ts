import type { Db } from './db';
import { prepared } from './statements';

export interface AuditEntry {
  at: number;
  actor: string;
  action: string;
  entity: string;
  entityId: number;
  before?: unknown;
  after?: unknown;
}

export interface AuditRow extends AuditEntry {
  id: number;
}

const INSERT = `
  INSERT INTO audit (at, actor, action, entity, entity_id, before, after)
  VALUES (@at, @actor, @action, @entity, @entityId, @before, @after)
`;

const LIST_FOR = `
  SELECT id, at, actor, action, entity, entity_id AS entityId, before, after
  FROM audit
  WHERE entity = @entity AND entity_id = @entityId
  ORDER BY id
`;

/** Audit rows are kept forever; before/after are stored as JSON. */
export function insertAudit(db: Db, entry: AuditEntry): void {
  prepared(db, INSERT).run({
    ...entry,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  });
}

export function listAudit(db: Db, entity: string, entityId: number): AuditRow[] {
  const rows = prepared(db, LIST_FOR).all({ entity, entityId }) as Array<
    Omit<AuditRow, 'before' | 'after'> & { before: string | null; after: string | null }
  >;
  return rows.map((r) => ({
    ...r,
    before: r.before === null ? undefined : (JSON.parse(r.before) as unknown),
    after: r.after === null ? undefined : (JSON.parse(r.after) as unknown),
  }));
}
