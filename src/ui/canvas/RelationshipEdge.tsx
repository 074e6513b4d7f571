import { memo } from 'react';
import { BaseEdge, getBezierPath, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { useDetailed } from './detailLevel';
import { routedPath } from './routedPath';
import type { RelationshipEdge as RelationshipEdgeType } from './toFlow';

/**
 * A foreign key drawn in crow's-foot notation. The source is the referencing (child) table, the
 * target the referenced (parent) one; the marker shapes come from `RelationshipMarkers`. A line
 * auto-layout routed (and still fitting its rows, see `toFlow`) follows its route around tables;
 * any other line is the canvas's own step from row to row.
 */
function RelationshipEdgeView(props: EdgeProps<RelationshipEdgeType>) {
  const detailed = useDetailed();
  const data = props.data;
  const className = `tw-edge${props.selected ? ' is-selected' : ''}${data?.typeMismatch ? ' is-mismatch' : ''}`;
  const route = data?.route;
  if (!detailed) {
    // Far out, where a crow's foot would be a speck: one plain line, no markers, no hit area.
    const [path] = route ? [routedPath(route, false)] : getBezierPath(props);
    return (
      <BaseEdge
        id={props.id}
        path={path}
        className={`${className} tw-edge-far`}
        interactionWidth={0}
      />
    );
  }
  const [path] = route
    ? [routedPath(route, true)]
    : getSmoothStepPath({ ...props, borderRadius: 8, offset: 24 });
  const start = `url(#tw-${data?.childEnd ?? 'zeroOrMany'})`;
  const end = `url(#tw-${data?.parentEnd ?? 'one'})`;
  return (
    <BaseEdge
      id={props.id}
      path={path}
      markerStart={start}
      markerEnd={end}
      className={className}
      interactionWidth={12}
    />
  );
}

export const RelationshipEdgeComponent = memo(RelationshipEdgeView);

/** SVG marker definitions, rendered once per canvas. */
export function RelationshipMarkers() {
  const common = {
    markerWidth: 22,
    markerHeight: 22,
    refX: 0,
    refY: 11,
    orient: 'auto-start-reverse',
    markerUnits: 'userSpaceOnUse',
  } as const;
  return (
    <svg className="tw-markers" aria-hidden width="0" height="0">
      <defs>
        {/* Drawn with the table at x=22 and the line leaving to the left; reversed at the path start. */}
        <marker id="tw-one" viewBox="0 0 22 22" {...common} refX={22}>
          <path d="M22 11 H0 M8 4 V18 M14 4 V18" className="tw-marker" />
        </marker>
        <marker id="tw-zeroOrOne" viewBox="0 0 22 22" {...common} refX={22}>
          <path d="M22 11 H0 M16 4 V18" className="tw-marker" />
          <circle cx="7" cy="11" r="4" className="tw-marker tw-marker-hollow" />
        </marker>
        <marker id="tw-zeroOrMany" viewBox="0 0 22 22" {...common} refX={22}>
          <path d="M22 11 H0 M22 3 L12 11 L22 19" className="tw-marker" />
          <circle cx="6" cy="11" r="4" className="tw-marker tw-marker-hollow" />
        </marker>
      </defs>
    </svg>
  );
}
