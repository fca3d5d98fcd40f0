import type { Fragment } from '@corridor/contracts';

/** Text fragments from the server, matches in bold. Rendered as text: never as HTML. */
export function Highlight({ fragments }: { fragments: Fragment[] }) {
  return (
    <>
      {fragments.map((f, i) =>
        f.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: fragments are positional and static
          <mark key={i} style={{ background: '#fff1b8', padding: 0 }}>
            {f.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: fragments are positional and static
          <span key={i}>{f.text}</span>
        ),
      )}
    </>
  );
}
