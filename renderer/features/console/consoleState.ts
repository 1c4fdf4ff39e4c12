import { create } from 'zustand';

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

export const useConsoleUi = create<ConsoleUiState>(() => ({
  focusedId: null,
  selected: new Set(),
  mode: 'none',
  notice: null,
}));

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
