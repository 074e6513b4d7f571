import { useState } from 'react';
import { useStore } from 'zustand';
import { newId, type ThreadTarget } from '../../core/model';
import * as ops from '../../core/ops';
import { useStudio, useStudioStore } from '../StudioContext';
import { discussionRequests } from './discussionRequests';
import { MessageBox } from './MessageBox';
import { PersonName } from './PersonName';
import { ThreadItem } from './ThreadItem';
import { targetLabel } from './threadTarget';
import './discussion.css';

/**
 * The review discussion: threads people leave on tables and columns (not the SQL comments,
 * which are the tables' and columns' documentation). Open threads first, then the resolved ones;
 * a new thread started from a table's menu or the inspector is written at the top.
 */
export function DiscussionPanel() {
  const store = useStudioStore();
  const threads = useStudio((s) => s.design.threads);
  const readOnly = useStudio((s) => s.readOnly);
  const requests = discussionRequests(store);
  const draft = useStore(requests, (r) => r.draft);
  const [showResolved, setShowResolved] = useState(true);
  const open = threads.filter((t) => !t.resolved);
  const resolved = threads.filter((t) => t.resolved);
  return (
    <div className="tw-discussion">
      <div className="tw-row tw-discussion-head">
        <PersonName />
        <span className="tw-spacer" />
        <span className="tw-muted">
          {open.length} open, {resolved.length} resolved
        </span>
        <label className="tw-row">
          <input
            type="checkbox"
            checked={showResolved}
            onChange={(e) => setShowResolved(e.target.checked)}
          />
          Show resolved
        </label>
      </div>
      {draft && !readOnly && (
        <NewThread
          key={`${draft.tableId}:${draft.columnId ?? ''}`}
          target={draft}
          onDone={() => requests.setState({ draft: null })}
        />
      )}
      {threads.length === 0 && !draft && (
        <p className="tw-muted tw-pad">
          No discussion yet. Start one from a table’s menu (right-click it) or from a column in the
          inspector: questions and decisions stay with the design and are not part of its SQL.
        </p>
      )}
      {open.length > 0 && (
        <ul className="tw-threads" aria-label="Open discussions">
          {open.map((t) => (
            <ThreadItem key={t.id} thread={t} />
          ))}
        </ul>
      )}
      {showResolved && resolved.length > 0 && (
        <>
          <h3 className="tw-threads-heading">Resolved</h3>
          <ul className="tw-threads" aria-label="Resolved discussions">
            {resolved.map((t) => (
              <ThreadItem key={t.id} thread={t} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function NewThread({ target, onDone }: { target: ThreadTarget; onDone(): void }) {
  const store = useStudioStore();
  const label = useStudio((s) => targetLabel(s.design, target));
  const exists = useStudio((s) => ops.targetExists(s.design, target));
  const start = (text: string, author: string) => {
    const id = newId('h');
    store.getState().dispatch((d) =>
      ops.startThread(d, {
        id,
        target,
        message: { id: newId('m'), author, text, createdAt: new Date().toISOString() },
      }),
    );
    if (!store.getState().design.threads.some((t) => t.id === id))
      return exists
        ? 'This discussion could not be started: the design holds as many threads as it can.'
        : `${label} no longer exists, so there is nothing to discuss. Your text is kept.`;
    onDone();
    return undefined;
  };
  return (
    <section className="tw-thread tw-thread-new" aria-label={`New discussion on ${label}`}>
      <h3 className="tw-threads-heading">New discussion on {label}</h3>
      <MessageBox
        label={`First message of the discussion on ${label}`}
        action="Start discussion"
        autoFocus
        onSend={start}
        onCancel={onDone}
      />
    </section>
  );
}
