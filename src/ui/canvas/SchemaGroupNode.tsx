import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { SchemaGroupNode as SchemaGroupNodeType } from './toFlow';

/** The labelled box behind a schema's tables. */
function SchemaGroupView({ data }: NodeProps<SchemaGroupNodeType>) {
  return (
    <div className="tw-schema-group" role="group" aria-label={`Schema ${data.name}`}>
      <span className="tw-schema-group-title">{data.name}</span>
    </div>
  );
}

export const SchemaGroupComponent = memo(SchemaGroupView);
