import { splitHighlights } from './textMatch';

/** Question text with search hits in <mark>; rendered as React text nodes, never as HTML. */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }): React.JSX.Element {
  return (
    <>
      {splitHighlights(text, terms).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}
