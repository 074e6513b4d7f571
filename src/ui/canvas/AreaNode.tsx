import { memo, useCallback, useRef, useState } from 'react';
import type { NodeProps } from '@xyflow/react';
import { renameArea } from '../../core/ops';
import { editKeys } from '../common/editRequest';
import { useStudio, useStudioStore } from '../StudioContext';
import { InlineEdit } from './InlineEdit';
import { AreaMenu } from './AreaMenu';
import type { AreaLabelNode, AreaRegionNode } from './areaNodes';
import './areas.css';

/** The tinted region behind a subject area's tables, in the area's colour. */
function AreaRegionView({ data }: NodeProps<AreaRegionNode>) {
  return (
    <div
      className="tw-area-region"
      data-color={data.color}
      role="group"
      aria-label={`Region of subject area ${data.name}`}
    />
  );
}

/**
 * The area's name (double-click or Enter to rename) and its menu button, in the region's top
 * band. Far out the name keeps a readable size on screen (CSS, from `--tw-inverse-zoom`) and
 * reaches above the region, over whatever lies there, like a place name on a map.
 */
function AreaLabelView({ data }: NodeProps<AreaLabelNode>) {
  const store = useStudioStore();
  const readOnly = useStudio((s) => s.readOnly);
  const filtered = useStudio((s) => s.schemaFilter === data.areaId);
  const button = useRef<HTMLButtonElement>(null);
  const [menuAt, setMenuAt] = useState<DOMRect | null>(null);
  const close = useCallback(() => {
    setMenuAt(null);
    button.current?.focus();
  }, []);
  const label = `Subject area ${data.name}`;
  return (
    <div className="tw-area-label" data-color={data.color}>
      <div className="tw-area-pill nodrag nopan">
        {readOnly ? (
          <span aria-label={label}>{data.name}</span>
        ) : (
          <InlineEdit
            value={data.name}
            label={label}
            editKey={editKeys.areaName(data.areaId)}
            onCommit={(name) => store.getState().dispatch((d) => renameArea(d, data.areaId, name))}
          />
        )}
        {filtered && <span className="tw-area-filtered">only this area</span>}
        <button
          ref={button}
          type="button"
          className="tw-area-menu-button"
          aria-label={`Options for subject area ${data.name}`}
          aria-haspopup="menu"
          aria-expanded={menuAt !== null}
          title="Subject area options"
          onClick={(e) => {
            e.stopPropagation();
            setMenuAt(menuAt ? null : e.currentTarget.getBoundingClientRect());
          }}
        >
          ⋯
        </button>
      </div>
      {menuAt && <AreaMenu areaId={data.areaId} anchor={menuAt} onClose={close} />}
    </div>
  );
}

export const AreaRegionComponent = memo(AreaRegionView);
export const AreaLabelComponent = memo(AreaLabelView);
