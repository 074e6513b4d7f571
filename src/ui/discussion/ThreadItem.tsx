import { memo } from 'react';
import { newId, type Thread } from '../../core/model';
import * as ops from '../../core/ops';
import { useStudio, useStudioStore } from '../StudioContext';
import { MessageBox } from './MessageBox';
import { shortTime, targetLabel } from './threadTarget';

/** One thread: what it is about (click to show it), its messages, a reply box, resolve/reopen. */
export const ThreadItem = memo(function ThreadItem({ thread }: { thread: Thread }) {
  const store = useStudioStore();
  const readOnly = useStudio((s) => s.readOnly);
  const label = useStudio((s) => targetLabel(s.design, thread.target));
  const dispatch = store.getState().dispatch;
  const { target } = thread;
  const show = () =>
    store
      .getState()
      .select(
        target.columnId === undefined
          ? { tableIds: [target.tableId] }
          : { tableIds: [target.tableId], columnId: target.columnId },
      );
  const reply = (text: string, author: string) => {
    const id = newId('m');
    dispatch((d) =>
      ops.replyToThread(d, thread.id, { id, author, text, createdAt: new Date().toISOString() }),
    );
    const sent = store
      .getState()
      .design.threads.some((t) => t.id === thread.id && t.messages.some((m) => m.id === id));
    return sent
      ? undefined
      : 'This reply could not be added: the thread is gone or full. Your text is kept.';
  };
  return (
    <li className={`tw-thread${thread.resolved ? ' is-resolved' : ''}`}>
      <article aria-label={`Discussion on ${label}`}>
        <header className="tw-thread-head">
          <button
            type="button"
            className="tw-link-button tw-thread-target"
            onClick={show}
            aria-label={`Show ${label} on the canvas`}
          >
            {label}
          </button>
          <span className={`tw-thread-state${thread.resolved ? '' : ' is-open'}`}>
            {thread.resolved ? 'Resolved' : 'Open'}
          </span>
          <span className="tw-spacer" />
          <button
            type="button"
            disabled={readOnly}
            onClick={() => dispatch((d) => ops.setThreadResolved(d, thread.id, !thread.resolved))}
            aria-label={`${thread.resolved ? 'Reopen' : 'Resolve'} the discussion on ${label}`}
          >
            {thread.resolved ? 'Reopen' : 'Resolve'}
          </button>
          <button
            type="button"
            className="tw-danger"
            disabled={readOnly}
            onClick={() => dispatch((d) => ops.deleteThread(d, thread.id))}
            aria-label={`Delete the discussion on ${label}`}
            title="Deletes the thread and its replies (Ctrl+Z brings it back)"
          >
            Delete
          </button>
        </header>
        <ol className="tw-thread-messages" aria-label={`Messages on ${label}`}>
          {thread.messages.map((m) => (
            <li key={m.id} className="tw-thread-message">
              <div className="tw-row tw-thread-meta">
                <strong>{m.author}</strong>
                <time dateTime={m.createdAt} title={new Date(m.createdAt).toLocaleString()}>
                  {shortTime(m.createdAt)}
                </time>
                <span className="tw-spacer" />
                {!readOnly && (
                  <button
                    type="button"
                    className="tw-icon-button"
                    onClick={() => dispatch((d) => ops.deleteThreadMessage(d, thread.id, m.id))}
                    aria-label={`Delete the message by ${m.author} from ${shortTime(m.createdAt)}`}
                    title="Delete this message (Ctrl+Z brings it back)"
                  >
                    ×
                  </button>
                )}
              </div>
              <p className="tw-thread-text">{m.text}</p>
            </li>
          ))}
        </ol>
        {!readOnly && (
          <MessageBox label={`Reply to the discussion on ${label}`} action="Reply" onSend={reply} />
        )}
      </article>
    </li>
  );
});
