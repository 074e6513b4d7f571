import { layoutDesign, type LayoutEngine } from './autoLayout';
import type { LayoutReply, LayoutRequest } from './protocol';

/**
 * Answer one request: progress while it runs, then a result or an error. Kept apart from
 * `layout.worker.ts` so tests can run it in Node with a fake worker.
 */
export async function serveLayout(
  elk: LayoutEngine,
  request: LayoutRequest,
  post: (reply: LayoutReply) => void,
): Promise<void> {
  const { id } = request;
  try {
    const tables = await layoutDesign(elk, request.design, request.layout, {
      ...request.options,
      onProgress: (progress) => post({ type: 'progress', id, progress }),
    });
    post({ type: 'result', id, tables });
  } catch (thrown) {
    const detail = thrown instanceof Error ? thrown.message : String(thrown);
    post({ type: 'error', id, message: `Auto-layout failed: ${detail}` });
  }
}
