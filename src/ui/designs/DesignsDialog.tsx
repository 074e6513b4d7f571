import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { DesignMeta } from '../../persistence/records';
import { useServices } from '../StudioContext';

/** The designs stored in this browser: open, rename, duplicate, delete (to the trash), restore. */
export function DesignsDialog({ onClose }: { onClose(): void }) {
  const { designs } = useServices();
  const ref = useRef<HTMLDialogElement>(null);
  const [trash, setTrash] = useState(false);
  const [items, setItems] = useState<DesignMeta[]>();
  const [error, setError] = useState<string>();
  const listVersion = useStore(designs.state, (s) => s.listVersion);
  const openId = useStore(designs.state, (s) => s.designId);

  useEffect(() => {
    ref.current?.showModal();
  }, []);
  useEffect(() => {
    let live = true;
    void designs.list(trash).then((r) => {
      if (!live) return;
      if (r.ok) setItems(trash ? r.value.filter((m) => m.deletedAt) : r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [designs, trash, listVersion]);

  const rename = (m: DesignMeta) => {
    const name = window.prompt('New name for the design', m.name)?.trim();
    if (name && name !== m.name) void designs.rename(m.id, name);
  };
  return (
    <dialog ref={ref} className="tw-dialog" aria-label="Designs" onClose={onClose}>
      <header className="tw-pane-header">
        <h2>{trash ? 'Trash' : 'Designs'}</h2>
        <div className="tw-pane-actions">
          <button type="button" aria-pressed={trash} onClick={() => setTrash(!trash)}>
            {trash ? 'Back to designs' : 'Trash'}
          </button>
          {!trash && (
            <button
              type="button"
              onClick={() => void designs.createNew().then(() => ref.current?.close())}
            >
              New design
            </button>
          )}
          <button type="button" aria-label="Close" onClick={() => ref.current?.close()}>
            Close
          </button>
        </div>
      </header>
      <div className="tw-dialog-body">
        {error && (
          <p role="alert" className="tw-error-box">
            {error}
          </p>
        )}
        {items && items.length === 0 && (
          <p className="tw-muted">{trash ? 'The trash is empty.' : 'No designs yet.'}</p>
        )}
        {items && items.length > 0 && (
          <table aria-label={trash ? 'Deleted designs' : 'Stored designs'}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Tables</th>
                <th scope="col">Changed</th>
                <th scope="col">
                  <span className="tw-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id} aria-current={m.id === openId ? 'true' : undefined}>
                  <td>
                    {m.name}
                    {m.id === openId && <span className="tw-muted"> (open)</span>}
                  </td>
                  <td>{m.tableCount}</td>
                  <td>{new Date(m.updatedAt).toLocaleString()}</td>
                  <td className="tw-row">
                    {trash ? (
                      <>
                        <button
                          type="button"
                          aria-label={`Restore ${m.name}`}
                          onClick={() => void designs.restore(m.id)}
                        >
                          Restore
                        </button>
                        <button
                          type="button"
                          className="tw-danger"
                          aria-label={`Delete ${m.name} forever`}
                          onClick={() =>
                            window.confirm(`Delete "${m.name}" forever? This cannot be undone.`) &&
                            void designs.purge(m.id)
                          }
                        >
                          Delete forever
                        </button>
                      </>
                    ) : (
                      <>
                        <button
                          type="button"
                          aria-label={`Open ${m.name}`}
                          disabled={m.id === openId}
                          onClick={() => void designs.open(m.id).then(() => ref.current?.close())}
                        >
                          Open
                        </button>
                        <button
                          type="button"
                          aria-label={`Rename ${m.name}`}
                          onClick={() => rename(m)}
                        >
                          Rename
                        </button>
                        <button
                          type="button"
                          aria-label={`Duplicate ${m.name}`}
                          onClick={() => void designs.duplicate(m.id)}
                        >
                          Duplicate
                        </button>
                        <button
                          type="button"
                          className="tw-danger"
                          aria-label={`Delete ${m.name}`}
                          onClick={() => void designs.remove(m.id)}
                        >
                          Delete
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </dialog>
  );
}
