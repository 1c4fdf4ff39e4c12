import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../../theme/dayjsLocales';
import { DateField } from '../../components/pickers';
import type { DepartmentEntry, Handoff } from '../../../shared/protocol';
import type { DeskClient } from '../../api';
import { currentLanguage } from '../../i18n';
import { BOARD_VIEWS, DEFAULT_FILTER, filterBoard, type BoardFilter, type BoardView } from './boardFilter';
import { HandoffEditor } from './HandoffEditor';
import type { HandoffBoardState } from './useHandoffs';

function DueCell({ h }: { h: Handoff }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useDateFormat();
  return (
    <td className={h.overdue ? 'due overdue' : h.dueSoon ? 'due due-soon' : 'due'}>
      {fmt.date(h.dueDate)}
      {h.overdue && <span className="badge badge-overdue">{t('handoffs.board.overdue')}</span>}
      {h.dueSoon && <span className="badge badge-soon">{t('handoffs.board.daysLeft', { count: h.workingDaysLeft })}</span>}
    </td>
  );
}

/** Every hand-off by status, department and due date; live, and each one editable. */
export function HandoffBoard({
  client,
  board,
  departments,
}: {
  client: DeskClient;
  board: HandoffBoardState;
  departments: DepartmentEntry[];
}): React.JSX.Element {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [filter, setFilter] = useState<BoardFilter>(DEFAULT_FILTER);
  // The hand-off as it was when opened: a change made meanwhile by someone else is refused as stale.
  const [editing, setEditing] = useState<Handoff | null>(null);
  const names = useMemo(() => new Map(departments.map((d) => [d.id, d.names[lang]])), [departments, lang]);
  const shown = filterBoard(board.items, filter);
  const counts = useMemo(
    () => Object.fromEntries(BOARD_VIEWS.map((v) => [v, filterBoard(board.items, { ...filter, view: v }).length])),
    [board.items, filter],
  );

  return (
    <section className="intake-panel handoff-board" aria-labelledby="board-title">
      <h2 id="board-title">{t('handoffs.board.title')}</h2>
      <div className="board-views" role="radiogroup" aria-label={t('handoffs.board.view')}>
        {BOARD_VIEWS.map((v: BoardView) => (
          <label key={v} className={`board-view${filter.view === v ? ' active' : ''}`}>
            <input type="radio" name="board-view" value={v} checked={filter.view === v} onChange={() => setFilter({ ...filter, view: v })} />
            {t(`handoffs.view.${v}`)} <span className="count">{counts[v]}</span>
          </label>
        ))}
      </div>
      <div className="inline-form board-filters">
        <label>
          {t('handoffs.board.department')}
          <select
            value={filter.departmentId ?? ''}
            onChange={(e) => setFilter({ ...filter, departmentId: e.target.value === '' ? null : Number(e.target.value) })}
          >
            <option value="">{t('handoffs.board.allDepartments')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.names[lang]}
              </option>
            ))}
          </select>
        </label>
        <DateField label={t('handoffs.board.dueBy')} value={filter.dueBy} clearable onChange={(dueBy) => setFilter({ ...filter, dueBy })} />
      </div>
      {shown.length === 0 ? (
        <p className="hint">{t('handoffs.board.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="handoff-table">
            <thead>
              <tr>
                <th>{t('handoffs.board.reference')}</th>
                <th>{t('handoffs.board.department')}</th>
                <th>{t('handoffs.board.question')}</th>
                <th>{t('handoffs.board.dueDate')}</th>
                <th>{t('handoffs.board.status')}</th>
                <th>{t('handoffs.board.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((h) => (
                <tr key={h.id} data-testid={`handoff-${h.reference}`} data-status={h.status}>
                  <td>
                    <button type="button" className="link" onClick={() => setEditing(h)} aria-label={t('handoffs.board.edit', { reference: h.reference })}>
                      {h.reference}
                    </button>
                  </td>
                  <td>{names.get(h.departmentId) ?? h.departmentId}</td>
                  <td className="handoff-question">{h.questionText}</td>
                  <DueCell h={h} />
                  <td>{t(`handoffs.status.${h.status}`)}</td>
                  <td className="handoff-answer">{h.answer}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <HandoffEditor
          key={editing.id}
          client={client}
          handoff={editing}
          departmentName={names.get(editing.departmentId) ?? ''}
          today={board.today}
          onSaved={(h) => {
            board.apply(h);
            setEditing(null);
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
