import { useEffect } from 'react';
import { REJECT_REASONS, type Question } from '../../../shared/protocol';
import { shortcutKey } from '../../../shared/shortcutKey';
import { clearSelection, focus, setMode, setNotice, toggleSelected, useConsoleUi } from './consoleState';
import { pendingSuggestions } from './DetailPanel';
import { SEARCH_INPUT_ID } from './FilterBar';
import type { Actions } from './useActions';
import { useInboxStore } from './useInbox';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/**
 * The keyboard path for every console action (listed for producers in HelpOverlay), by physical
 * key so it works in the Russian and Kazakh layouts too.
 */
export function useShortcuts(actions: Actions, selectToMergeMessage: string): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (isTyping(e.target) || e.altKey) return;
      const key = shortcutKey(e);
      const ui = useConsoleUi.getState();
      // Dialogs keep their keys: only Escape and ? reach the console behind the help overlay.
      if (ui.mode === 'rules' || (ui.mode === 'help' && key !== 'Escape' && key !== '?')) return;
      const { ids, byId } = useInboxStore.getState();
      const index = ui.focusedId === null ? -1 : ids.indexOf(ui.focusedId);
      const q = ui.focusedId === null ? undefined : byId.get(ui.focusedId);
      const selection = [...ui.selected].map((id) => byId.get(id)).filter((x): x is Question => x !== undefined);
      const advance = (): void => {
        const next = ids[index + 1];
        if (next !== undefined) focus(next);
      };
      if (e.ctrlKey || e.metaKey) {
        if (key === 'z') {
          e.preventDefault();
          void actions.undo();
        }
        return;
      }
      if (ui.mode === 'reject' && /^[1-5]$/.test(key)) {
        e.preventDefault();
        const reason = REJECT_REASONS[Number(key) - 1]!;
        setMode('none');
        if (selection.length > 0) void actions.bulkReject(selection, reason);
        else if (q) {
          void actions.reject(q, reason);
          advance();
        }
        return;
      }
      let handled = true;
      switch (key) {
        case 'j':
        case 'ArrowDown':
          focus(ids[Math.min(index + 1, ids.length - 1)] ?? null);
          break;
        case 'k':
        case 'ArrowUp':
          focus(ids[Math.max(index - 1, 0)] ?? null);
          break;
        case 'x':
          if (q) toggleSelected(q.id);
          break;
        case 'a':
          if (selection.length > 0) void actions.bulkApprove(selection);
          else if (q) {
            void actions.approve(q);
            advance();
          }
          break;
        case 'r':
          if (q || selection.length > 0) setMode('reject');
          break;
        case 'e':
          if (q) setMode('edit');
          break;
        case 'm': {
          const duplicates = selection.filter((d) => d.id !== q?.id);
          if (!q || duplicates.length === 0) setNotice({ kind: 'error', text: selectToMergeMessage });
          else void actions.merge(q, duplicates);
          break;
        }
        case 'q':
          if (q) void actions.queue(q);
          break;
        case 'o':
          if (q) void actions.putOnAir(q);
          break;
        case 's':
          if (q && Object.keys(pendingSuggestions(q)).length > 0) void actions.tag(q, pendingSuggestions(q));
          break;
        case 'g':
          if (q) void actions.split(q);
          break;
        case 'u':
          void actions.undo();
          break;
        case '/':
          document.getElementById(SEARCH_INPUT_ID)?.focus();
          break;
        case '?':
          setMode(ui.mode === 'help' ? 'none' : 'help');
          break;
        case 'Escape':
          setMode('none');
          if (ui.mode === 'none') clearSelection();
          break;
        default:
          handled = false;
      }
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, selectToMergeMessage]);
}
