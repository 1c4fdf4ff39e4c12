import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rundown, RundownItem, Speaker } from '../../../shared/protocol';
import { shortcutKey } from '../../../shared/shortcutKey';
import { topicLabel } from '../console/labels';
import { formatDuration } from './format';
import { PLANNED_QUESTION_MS } from './queueBudget';

export interface QueueActions {
  move: (questionId: number, speakerId: number, index: number) => void;
  putOnAir: (item: RundownItem) => void;
  outcome: (item: RundownItem) => void;
  remove: (item: RundownItem) => void;
  activate: (speakerId: number) => void;
}

const containerId = (speakerId: number): string => `speaker-${speakerId}`;

/**
 * One column per speaker. Reorder by drag and drop (pointer, or Space + arrows on the handle) or
 * with Alt+↑/↓ on a focused question; Alt+←/→ moves it to the neighbouring speaker.
 */
export function QueueBoard({ rundown, actions, readOnly }: { rundown: Rundown; actions: QueueActions; readOnly: boolean }): React.JSX.Element {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const [focusId, setFocusId] = useState<number | null>(null);
  const { t } = useTranslation();
  // Screen readers hear question numbers and speaker names, in the producer's language.
  const label = (id: UniqueIdentifier): string => {
    const item = rundown.items.find((i) => i.questionId === Number(id));
    if (item) return item.reference;
    return rundown.speakers.find((sp) => containerId(sp.id) === id)?.name ?? String(id);
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('rundown.dnd.start', { item: label(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('rundown.dnd.over', { item: label(active.id), target: label(over.id) }) : t('rundown.dnd.outside', { item: label(active.id) }),
    onDragEnd: ({ active, over }) =>
      over ? t('rundown.dnd.drop', { item: label(active.id), target: label(over.id) }) : t('rundown.dnd.cancel', { item: label(active.id) }),
    onDragCancel: ({ active }) => t('rundown.dnd.cancel', { item: label(active.id) }),
  };
  const queued = (speakerId: number): RundownItem[] =>
    rundown.items.filter((i) => i.speakerId === speakerId && i.status === 'queued').sort((a, b) => a.position - b.position);

  useEffect(() => {
    if (focusId === null) return;
    document.querySelector<HTMLElement>(`li.queue-item[data-question-id="${focusId}"]`)?.focus();
  }, [rundown, focusId]);

  const moveBy = (item: RundownItem, dIndex: number, dSpeaker: number): void => {
    const speakers = rundown.speakers;
    const s = speakers.findIndex((x) => x.id === item.speakerId);
    const target = speakers[s + dSpeaker];
    if (!target) return;
    const list = queued(item.speakerId);
    const index = dSpeaker === 0 ? list.findIndex((x) => x.questionId === item.questionId) + dIndex : queued(target.id).length;
    if (index < 0 || (dSpeaker === 0 && index >= list.length)) return;
    setFocusId(item.questionId);
    actions.move(item.questionId, target.id, index);
  };

  const onDragEnd = ({ active, over }: DragEndEvent): void => {
    if (!over || active.id === over.id) return;
    const questionId = Number(active.id);
    const overItem = rundown.items.find((i) => i.questionId === Number(over.id));
    const speakerId = overItem ? overItem.speakerId : Number(String(over.id).replace('speaker-', ''));
    const list = queued(speakerId).filter((i) => i.questionId !== questionId);
    const index = overItem ? queued(speakerId).findIndex((i) => i.questionId === overItem.questionId) : list.length;
    setFocusId(questionId);
    actions.move(questionId, speakerId, Math.max(0, index));
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('rundown.dnd.instructions') } }}
    >
      <div className="queue-board">
        {rundown.speakers.map((speaker) => (
          <SpeakerColumn
            key={speaker.id}
            speaker={speaker}
            live={rundown.episode.activeSpeakerId === speaker.id}
            items={queued(speaker.id)}
            actions={actions}
            readOnly={readOnly}
            onKeyMove={moveBy}
          />
        ))}
      </div>
    </DndContext>
  );
}

function SpeakerColumn({
  speaker,
  live,
  items,
  actions,
  readOnly,
  onKeyMove,
}: {
  speaker: Speaker;
  live: boolean;
  items: RundownItem[];
  actions: QueueActions;
  readOnly: boolean;
  onKeyMove: (item: RundownItem, dIndex: number, dSpeaker: number) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { setNodeRef } = useDroppable({ id: containerId(speaker.id) });
  return (
    <section className={`speaker-column${live ? ' live' : ''}`} aria-label={speaker.name} data-speaker-id={speaker.id}>
      <header>
        <h3>{speaker.name}</h3>
        <p className="portfolio">{speaker.portfolio}</p>
        {live ? (
          <span className="live-badge">{t('rundown.liveSpeaker')}</span>
        ) : (
          !readOnly && (
            <button type="button" onClick={() => actions.activate(speaker.id)}>
              {t('rundown.makeLiveSpeaker')}
            </button>
          )
        )}
      </header>
      <SortableContext id={containerId(speaker.id)} items={items.map((i) => i.questionId)} strategy={verticalListSortingStrategy}>
        <ol ref={setNodeRef} className="queue-list" aria-label={t('rundown.queueOf', { name: speaker.name })}>
          {items.length === 0 && <li className="empty">{t('rundown.queueEmpty')}</li>}
          {items.map((item) => (
            <QueueRow key={item.questionId} item={item} actions={actions} readOnly={readOnly} onKeyMove={onKeyMove} />
          ))}
        </ol>
      </SortableContext>
    </section>
  );
}

function QueueRow({
  item,
  actions,
  readOnly,
  onKeyMove,
}: {
  item: RundownItem;
  actions: QueueActions;
  readOnly: boolean;
  onKeyMove: (item: RundownItem, dIndex: number, dSpeaker: number) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: item.questionId,
    disabled: readOnly,
  });
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (readOnly || e.target !== e.currentTarget) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const key = shortcutKey(e);
    const move = moves[key];
    if (e.altKey && move) {
      e.preventDefault();
      onKeyMove(item, move[0], move[1]);
    } else if (key === 'Delete') {
      e.preventDefault();
      actions.remove(item);
    } else if (key === 'Enter') {
      e.preventDefault();
      actions.putOnAir(item);
    }
  };
  return (
    <li
      ref={setNodeRef}
      className={`queue-item${isDragging ? ' dragging' : ''}`}
      data-question-id={item.questionId}
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={{ transform: CSS.Transform.toString(transform), transition }}
    >
      {!readOnly && (
        <button type="button" className="drag-handle" aria-label={t('rundown.dragHandle')} {...attributes} {...listeners}>
          ⠿
        </button>
      )}
      <div className="queue-item-body">
        <p className="question-text">{item.airText}</p>
        <p className="queue-item-meta">
          <span className="reference">{item.reference}</span> {item.senderName}
          {item.district ? `, ${t(`district.${item.district}`)}` : ''}
          {item.topic && <span className="topic"> · {topicLabel(t, item.topic)}</span>}
          {item.askedBy > 1 && <span className="asked-by"> · {t('console.askedBy', { count: item.askedBy })}</span>}
          {item.airedMs > 0 && <span className="aired"> · {t('rundown.aired', { time: formatDuration(item.airedMs) })}</span>}
          <span className="planned" data-testid="planned-time">
            {' '}
            · {t('rundown.budget.planned', { time: formatDuration(PLANNED_QUESTION_MS) })}
          </span>
        </p>
        {item.flags.length > 0 && (
          <p className="queue-item-flags">
            {item.flags.map((f) => (
              <span key={f} className={`flag flag-${f}`} data-flag={f}>
                {t(`console.flag.${f}`)}
              </span>
            ))}
          </p>
        )}
      </div>
      {!readOnly && (
        <div className="queue-item-actions">
          <button type="button" onClick={() => actions.putOnAir(item)}>
            {t('rundown.putOnAir')}
          </button>
          <button type="button" onClick={() => actions.outcome(item)}>
            {t('rundown.recordOutcome')}
          </button>
          <button type="button" onClick={() => actions.remove(item)}>
            {t('rundown.takeOut')}
          </button>
        </div>
      )}
    </li>
  );
}
