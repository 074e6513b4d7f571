import { placeRoutes, placeTables } from '../core/ops';
import type { LayoutClient } from '../layout/client';
import type { ActivityStore } from '../state/activity';
import type { NoticeStore } from '../state/notices';
import type { StudioStore } from '../state/store';

/**
 * Auto-layout of all tables, or only the given ones (the rest stay put and are avoided), with
 * their lines routed, in the layout worker with progress and a Cancel button; one undo step.
 */
export async function arrangeTables(
  deps: { store: StudioStore; layout: LayoutClient; activity: ActivityStore; notices: NoticeStore },
  tableIds?: string[],
): Promise<void> {
  const { design, layout } = deps.store.getState();
  const count = tableIds?.length ?? Object.keys(design.tables).length;
  if (count === 0) return;
  const message = `Arranging ${count} ${count === 1 ? 'table' : 'tables'}…`;
  const cancel = () => deps.layout.cancel();
  deps.activity.setState({ current: { message, cancel } });
  const result = await deps.layout.layout(design, layout, tableIds ? { tableIds } : {}, (p) => {
    if (p.phase === 'layout')
      deps.activity.setState({ current: { message, done: p.done, total: p.total, cancel } });
    if (p.phase === 'routing')
      deps.activity.setState({
        current: { message: 'Routing lines…', done: p.done, total: p.total, cancel },
      });
  });
  deps.activity.setState({ current: null });
  if (!result.ok) {
    if (result.error.reason === 'failed' || result.error.reason === 'timeout')
      deps.notices.getState().push({ tone: 'error', text: result.error.message });
    return;
  }
  const { tables, routes } = result.value;
  deps.store.getState().setLayout((l) => placeRoutes(placeTables(l, tables), routes, !tableIds));
}
