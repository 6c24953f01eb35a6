import { Fragment, type ReactNode } from 'react';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m) => ENTITIES[m] ?? m);

/** The search snippet's parts: text and <mark> hits (the server escaped the text; rendered as React text, never as HTML). */
export function snippetParts(snippet: string): { text: string; hit: boolean }[] {
  const out: { text: string; hit: boolean }[] = [];
  for (const [i, part] of snippet.split(/<\/?mark>/).entries()) if (part) out.push({ text: unescape(part), hit: i % 2 === 1 });
  return out;
}

export function Snippet({ snippet }: { snippet: string }) {
  return (
    <>
      {snippetParts(snippet).map((p, i) => (p.hit ? <mark key={i} data-testid="market-hit">{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}

/** `text` with every occurrence of the terms marked. */
export function Highlight({ text, terms }: { text: string; terms: string[] }): ReactNode {
  const ts = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (!ts.length) return text;
  const out: ReactNode[] = [];
  let i = 0;
  let plain = '';
  while (i < text.length) {
    const t = ts.find((x) => text.startsWith(x, i));
    if (t) {
      if (plain) out.push(plain);
      plain = '';
      out.push(<mark key={i} data-testid="market-hit">{t}</mark>);
      i += t.length;
    } else plain += text[i++];
  }
  if (plain) out.push(plain);
  return <>{out}</>;
}

/** The terms the server marked in a snippet. */
export const markedTerms = (snippet: string | null | undefined) => (snippet ? snippetParts(snippet).filter((p) => p.hit).map((p) => p.text) : []);
