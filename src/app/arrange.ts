import { placeTables } from '../core/ops';
import type { LayoutClient } from '../layout/client';
import type { ActivityStore } from '../state/activity';
import type { NoticeStore } from '../state/notices';
import type { StudioStore } from '../state/store';

/**
 * Auto-layout of all tables, or only the given ones (the rest stay put and are avoided), in the
 * layout worker with progress; the result is one undo step.
 */
export async function arrangeTables(
  deps: { store: StudioStore; layout: LayoutClient; activity: ActivityStore; notices: NoticeStore },
  tableIds?: string[],
): Promise<void> {
  const { design, layout } = deps.store.getState();
  const count = tableIds?.length ?? Object.keys(design.tables).length;
  if (count === 0) return;
  const message = `Arranging ${count} ${count === 1 ? 'table' : 'tables'}…`;
  deps.activity.setState({ current: { message } });
  const result = await deps.layout.layout(design, layout, tableIds ? { tableIds } : {}, (p) => {
    if (p.phase === 'layout')
      deps.activity.setState({ current: { message, done: p.done, total: p.total } });
  });
  deps.activity.setState({ current: null });
  if (!result.ok) {
    if (result.error.reason === 'failed' || result.error.reason === 'timeout')
      deps.notices.getState().push({ tone: 'error', text: result.error.message });
    return;
  }
  const patch = result.value;
  deps.store.getState().setLayout((l) => placeTables(l, patch));
}
