import { useState } from 'react';

/**
 * Keeps the last item on the page while its exit animation plays: `leaving` is true from the
 * moment the item went away until `gone()` (called on the animation's end) removes it.
 */
export function usePresence<T>(item: T | null): { item: T | null; leaving: boolean; gone: () => void } {
  const [last, setLast] = useState<T | null>(item);
  // Remembered while rendering (React's pattern for state that follows a prop), not in an effect.
  if (item !== null && item !== last) setLast(item);
  return { item: item ?? last, leaving: item === null && last !== null, gone: () => setLast(null) };
}
