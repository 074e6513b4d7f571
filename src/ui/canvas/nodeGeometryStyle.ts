import type { CSSProperties } from 'react';
import {
  FOOTER_HEIGHT,
  FOOTER_PAD_X,
  HANDLE_SIZE,
  HEADER_HEIGHT,
  HEADER_PAD_X,
  ROW_CELLS,
  ROW_HEIGHT,
} from '../../core/geometry/tableGeometry';

/**
 * The node geometry as CSS custom properties, set on every table and view node: styles.css sizes
 * the header, rows, cells, footer and handles from these, so the drawn box is the computed one.
 */
export const nodeGeometryStyle = {
  '--tw-header-height': `${HEADER_HEIGHT}px`,
  '--tw-row-height': `${ROW_HEIGHT}px`,
  '--tw-footer-height': `${FOOTER_HEIGHT}px`,
  '--tw-handle-size': `${HANDLE_SIZE}px`,
  '--tw-header-pad-x': `${HEADER_PAD_X}px`,
  '--tw-footer-pad-x': `${FOOTER_PAD_X}px`,
  '--tw-row-pad-left': `${ROW_CELLS.padLeft}px`,
  '--tw-row-pad-right': `${ROW_CELLS.padRight}px`,
  '--tw-row-gap': `${ROW_CELLS.gap}px`,
  '--tw-key-cell': `${ROW_CELLS.keyCell}px`,
  '--tw-null-cell': `${ROW_CELLS.nullCell}px`,
  '--tw-type-max': `${ROW_CELLS.typeMax}px`,
} as CSSProperties;
