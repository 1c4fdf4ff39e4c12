import { describe, expect, it } from 'vitest';
import type { Handoff } from '../../shared/protocol';
import { DEFAULT_FILTER, filterBoard, upsertHandoff } from '../../renderer/features/handoffs/boardFilter';

let nextId = 1;
function handoff(over: Partial<Handoff>): Handoff {
  const id = nextId++;
  return {
    id,
    reference: `2026-000${id}/mobility`,
    questionId: id,
    questionReference: `2026-000${id}`,
    questionText: 'Вопрос',
    channel: 'web',
    language: 'ru',
    departmentId: 1,
    note: '',
    dueDate: '2026-06-11',
    status: 'handed_off',
    answer: '',
    answeredAt: null,
    createdAt: 0,
    updatedAt: 0,
    version: 1,
    overdue: false,
    dueSoon: false,
    workingDaysLeft: 10,
    ...over,
  };
}

describe('the hand-off board filter', () => {
  const late = handoff({ dueDate: '2026-05-01', overdue: true });
  const soon = handoff({ dueDate: '2026-05-22', dueSoon: true, status: 'in_progress', departmentId: 2 });
  const later = handoff({ dueDate: '2026-06-30' });
  const answered = handoff({ dueDate: '2026-05-02', status: 'answered', answer: 'Сделано' });
  const items = [answered, later, soon, late];

  it('shows open hand-offs by default, late ones first, then by due date', () => {
    expect(filterBoard(items, DEFAULT_FILTER).map((h) => h.id)).toEqual([late.id, soon.id, later.id]);
  });

  it('filters by derived overdue, by status, by department and by due date', () => {
    expect(filterBoard(items, { ...DEFAULT_FILTER, view: 'overdue' })).toEqual([late]);
    expect(filterBoard(items, { ...DEFAULT_FILTER, view: 'answered' })).toEqual([answered]);
    expect(filterBoard(items, { ...DEFAULT_FILTER, view: 'in_progress' })).toEqual([soon]);
    expect(filterBoard(items, { ...DEFAULT_FILTER, view: 'all', departmentId: 2 })).toEqual([soon]);
    expect(filterBoard(items, { ...DEFAULT_FILTER, view: 'all', dueBy: '2026-05-22' }).map((h) => h.id)).toEqual([
      late.id,
      soon.id,
      answered.id,
    ]);
  });

  it('applies live changes by id and never goes back to an older version', () => {
    const updated = { ...later, status: 'answered' as const, answer: 'Да', version: 3 };
    const after = upsertHandoff(items, updated);
    expect(after.find((h) => h.id === later.id)).toEqual(updated);
    expect(upsertHandoff(after, later).find((h) => h.id === later.id)).toEqual(updated);
    const fresh = handoff({});
    expect(upsertHandoff(items, fresh)[0]).toEqual(fresh);
  });
});
