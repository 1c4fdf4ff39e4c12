/**
 * What survives a reload of the console tab (sessionStorage: this tab only, gone when it closes):
 * the question in focus and an unsaved on-air edit with the version it started from, so a save
 * after the reload is still refused if someone else changed the question meanwhile.
 */
export interface EditDraft {
  questionId: number;
  baseVersion: number;
  text: string;
}

const DRAFT_KEY = 'desk.console.editDraft';
const FOCUS_KEY = 'desk.console.focus';

function read(key: string): unknown {
  try {
    return JSON.parse(window.sessionStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

function isDraft(value: unknown): value is EditDraft {
  const d = value as EditDraft | null;
  return typeof d?.questionId === 'number' && typeof d.baseVersion === 'number' && typeof d.text === 'string';
}

export function loadDraft(questionId: number): EditDraft | null {
  const draft = read(DRAFT_KEY);
  return isDraft(draft) && draft.questionId === questionId ? draft : null;
}

export function saveDraft(draft: EditDraft): void {
  window.sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
}

export function clearDraft(): void {
  window.sessionStorage.removeItem(DRAFT_KEY);
}

export function loadFocus(): number | null {
  const id = read(FOCUS_KEY);
  return typeof id === 'number' ? id : null;
}

export function saveFocus(id: number | null): void {
  if (id === null) window.sessionStorage.removeItem(FOCUS_KEY);
  else window.sessionStorage.setItem(FOCUS_KEY, JSON.stringify(id));
}
