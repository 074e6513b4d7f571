/**
 * Messages between `client.ts` and `layout.worker.ts`. Plain data: they cross `postMessage`.
 */
import type { Design, Layout } from '../core/model';
import type { AutoLayoutOptions, LayoutProgress, TablesPatch } from './autoLayout';

/** UI thread -> worker: lay out this design. */
export interface LayoutRequest {
  type: 'layout';
  id: number;
  design: Design;
  layout: Layout;
  options: AutoLayoutOptions;
}

/** Worker -> UI thread, tagged with the request's id. */
export type LayoutReply =
  | { type: 'progress'; id: number; progress: LayoutProgress }
  | { type: 'result'; id: number; tables: TablesPatch }
  | { type: 'error'; id: number; message: string };
