import { useStudio } from '../StudioContext';
import { Canvas } from '../canvas/Canvas';

/** `?embed`: the diagram alone, read-only, with pan and zoom, and a way to open it whole. */
export function EmbedApp({ error }: { error?: string }) {
  const name = useStudio((s) => s.design.name);
  if (error) {
    return (
      <main className="tw-embed tw-pad" role="alert">
        <p>{error}</p>
      </main>
    );
  }
  const full = window.location.href
    .replace(/([?&])embed(=[^&#]*)?&?/, '$1')
    .replace(/[?&](?=#|$)/, '');
  return (
    <main className="tw-embed" aria-label={`Schema diagram: ${name}`}>
      <Canvas fitOnOpen />
      <a className="tw-embed-open" href={full} target="_blank" rel="noopener">
        Open “{name}” in Tablewright
      </a>
    </main>
  );
}
