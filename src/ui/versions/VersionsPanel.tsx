import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { formatBytes as size } from '../../collab/sharedVersions';
import { useServices, useStudio } from '../StudioContext';

/**
 * The design's timeline: save a named version; open, compare, restore or delete any version. In a
 * live room, named versions are the room's (saved for everyone, with who saved them); versions
 * from before joining stay the person's own until shared; automatic ones stay in this browser.
 */
export function VersionsPanel() {
  const { versions, comparison } = useServices();
  const { list, unavailable, room } = useStore(versions.state);
  const reader = room?.access === 'read';
  const previewing = useStudio((s) => s.preview?.versionId);
  const [name, setName] = useState('');
  const [from, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>('current');
  useEffect(() => void versions.refresh(), [versions]);
  useEffect(() => {
    if (!from && list[0]) setFrom(list[0].id);
  }, [list, from]);

  const save = async () => {
    if (await versions.save(name.trim() || `Version ${list.filter((v) => !v.auto).length + 1}`))
      setName('');
  };
  const when = (t: number) => new Date(t).toLocaleString();
  return (
    <div className="tw-pad tw-versions">
      <form
        className="tw-row"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="tw-grow tw-inline-label">
          Name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={`Version ${list.filter((v) => !v.auto).length + 1}`}
            aria-label="Version name"
          />
        </label>
        <button type="submit" className="tw-primary" disabled={!!unavailable || reader}>
          {room ? 'Save for the room' : 'Save version'}
        </button>
      </form>
      {room && (
        <p className="tw-muted" role="note">
          {reader
            ? 'This invite is read-only: you can open and compare the room’s versions, not save or restore them.'
            : `In this live room, named versions you save are shared with everyone here (they take ${size(room.usedBytes)} of the room’s ${size(room.budgetBytes)} for versions). Versions from before you joined stay yours until you share one; automatic versions stay in this browser.`}
        </p>
      )}
      {unavailable && (
        <p className="tw-muted" role="status">
          {unavailable}
        </p>
      )}
      {list.length > 1 || (list.length === 1 && !unavailable) ? (
        <form
          className="tw-row tw-compare-form"
          onSubmit={(e) => {
            e.preventDefault();
            void comparison.compare(from, to);
          }}
        >
          <label className="tw-inline-label">
            Compare
            <select
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              aria-label="Compare from"
            >
              {list.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
          <label className="tw-inline-label">
            with
            <select value={to} onChange={(e) => setTo(e.target.value)} aria-label="Compare with">
              <option value="current">the design now</option>
              {list.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={!from || from === to}>
            Compare
          </button>
        </form>
      ) : null}
      {list.length === 0 && !unavailable && (
        <p className="tw-muted">
          No versions yet. Save one before a change you may want to undo or ship as a migration.
        </p>
      )}
      <ol className="tw-timeline" aria-label="Versions">
        {list.map((v) => (
          <li key={v.id} className={v.id === previewing ? 'tw-selected' : undefined}>
            <span className="tw-timeline-name">{v.name}</span>
            {v.auto && <span className="tw-pill">auto</span>}
            {v.shared ? (
              <span className="tw-pill" title="Shared with everyone in the room">
                shared
              </span>
            ) : (
              room &&
              !v.auto && (
                <span className="tw-pill" title="Kept in this browser, not in the room">
                  only you
                </span>
              )
            )}
            <span className="tw-muted">
              {v.shared && (
                <span
                  className="tw-version-author"
                  style={{ '--person': v.shared.colour } as never}
                >
                  <span aria-hidden className="tw-person-dot" /> saved by {v.shared.by}
                </span>
              )}
              {v.shared && ' · '}
              {when(v.createdAt)} · {v.tableCount} {v.tableCount === 1 ? 'table' : 'tables'}
            </span>
            <span className="tw-spacer" />
            <button
              type="button"
              onClick={() => void versions.open(v.id)}
              aria-label={`Open ${v.name}`}
            >
              Open
            </button>
            <button
              type="button"
              onClick={() => void comparison.compare(v.id, 'current')}
              aria-label={`Compare ${v.name} with now`}
            >
              Compare with now
            </button>
            {room && !reader && !v.shared && !v.auto && (
              <button
                type="button"
                onClick={() => void versions.share(v.id)}
                aria-label={`Share ${v.name} with the room`}
              >
                Share
              </button>
            )}
            {!reader && (
              <button
                type="button"
                onClick={() => void versions.restore(v.id)}
                aria-label={`Restore ${v.name}`}
                title={room ? 'Restores it for everyone in the room' : undefined}
              >
                Restore
              </button>
            )}
            {!(reader && v.shared) && (
              <button
                type="button"
                className="tw-danger"
                onClick={() => void versions.remove(v.id)}
                aria-label={v.shared ? `Delete ${v.name} for everyone` : `Delete ${v.name}`}
              >
                Delete
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
