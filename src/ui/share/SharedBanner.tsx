import { useStore } from 'zustand';
import { forgetSharedLocation } from '../../app/shareLocation';
import { useServices, useStudio } from '../StudioContext';

/** Says that a shared design is on screen, read-only and stored nowhere, and offers to keep it. */
export function SharedBanner() {
  const { designs } = useServices();
  const shared = useStore(designs.state, (s) => s.shared);
  const name = useStudio((s) => s.design.name);
  if (!shared) return null;
  const save = async () => {
    await designs.saveSharedCopy();
    forgetSharedLocation();
  };
  return (
    <div className="tw-banner tw-banner-info" role="region" aria-label="Shared design">
      <span>
        <strong>Shared design “{name}”</strong>, read-only. Nothing you see here is stored until you
        save a copy; your own designs are unchanged.
      </span>
      <button type="button" className="tw-primary" onClick={() => void save()}>
        Save a copy
      </button>
    </div>
  );
}
