import type { RpcImplementation } from '../db/rpc/serve';
import { arrangeDesign, type LayoutEngine, type LayoutProgress } from './autoLayout';
import type { LayoutApi } from './protocol';

/**
 * The layout worker's implementation of {@link LayoutApi} over ELK instances (run in parallel). Kept apart from
 * `layout.worker.ts` so tests can run it in Node with an in-process worker.
 */
export function layoutImplementation(
  elk: LayoutEngine | readonly LayoutEngine[],
): RpcImplementation<LayoutApi, LayoutProgress> {
  return ({ progress }) => ({
    async layout(design, layout, options) {
      try {
        return await arrangeDesign(elk, design, layout, { ...options, onProgress: progress });
      } catch (thrown) {
        const detail = thrown instanceof Error ? thrown.message : String(thrown);
        throw new Error(`Auto-layout failed: ${detail}`, { cause: thrown });
      }
    },
  });
}
