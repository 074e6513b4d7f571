/**
 * The layout worker's API: the messages between `client.ts` and `layout.worker.ts` are derived
 * from it by the generic RPC (`db/rpc/protocol.ts`). Plain data: it crosses `postMessage`.
 */
import type { Design, Layout } from '../core/model';
import type { Arranged, AutoLayoutOptions } from './autoLayout';

export interface LayoutApi {
  /** Lay out this design and route its lines; reports `LayoutProgress` while it runs. */
  layout(design: Design, layout: Layout, options: AutoLayoutOptions): Promise<Arranged>;
}
