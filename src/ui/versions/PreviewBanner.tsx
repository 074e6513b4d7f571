import { useServices, useStudio, useStudioStore } from '../StudioContext';

/** Says what is on screen while a version or a comparison replaces the design, and the way back. */
export function PreviewBanner() {
  const store = useStudioStore();
  const { versions } = useServices();
  const preview = useStudio((s) => s.preview);
  if (!preview) return null;
  return (
    <div className="tw-banner tw-banner-info" role="region" aria-label="Preview">
      <span>
        <strong>{preview.label}</strong>, read-only.
        {preview.kind === 'compare' ? ' Green: added; amber: changed; red: removed.' : ''} Your
        design is unchanged.
      </span>
      {preview.kind === 'version' && preview.versionId && (
        <button type="button" onClick={() => void versions.restore(preview.versionId!)}>
          Restore this version
        </button>
      )}
      <button type="button" className="tw-primary" onClick={() => store.getState().exitPreview()}>
        Back to editing
      </button>
    </div>
  );
}
