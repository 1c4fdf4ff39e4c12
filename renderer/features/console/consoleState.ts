import { create } from 'zustand';
import { loadDraft, loadFocus, saveFocus } from './editDraft';

export type Mode = 'none' | 'reject' | 'edit' | 'help' | 'rules';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

interface ConsoleUiState {
  /** The question the keyboard acts on. */
  focusedId: number | null;
  /** Questions picked for a bulk action or a merge. */
  selected: ReadonlySet<number>;
  mode: Mode;
  notice: Notice | null;
}

// After a reload the console comes back to the question it was on, with its unsaved edit open.
const restoredFocus = loadFocus();

export const useConsoleUi = create<ConsoleUiState>(() => ({
  focusedId: restoredFocus,
  selected: new Set(),
  mode: restoredFocus !== null && loadDraft(restoredFocus) ? 'edit' : 'none',
  notice: null,
}));

useConsoleUi.subscribe((state, previous) => {
  if (state.focusedId !== previous.focusedId) saveFocus(state.focusedId);
});

export function focus(id: number | null): void {
  useConsoleUi.setState((s) => (s.focusedId === id ? s : { focusedId: id, mode: s.mode === 'help' || s.mode === 'rules' ? s.mode : 'none' }));
}

export function toggleSelected(id: number): void {
  useConsoleUi.setState((s) => {
    const selected = new Set(s.selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    return { selected };
  });
}

export function clearSelection(): void {
  useConsoleUi.setState({ selected: new Set() });
}

export function setMode(mode: Mode): void {
  useConsoleUi.setState({ mode });
}

export function setNotice(notice: Notice | null): void {
  useConsoleUi.setState({ notice });
}
