import { useEffect, useMemo, useRef } from 'react';
import { currentDocument } from '../../state/store';
import { linkReach, MAX_OPENABLE_LINK_CHARS, shareLink } from '../../core/share';
import { serializeDocument } from '../../core/model';
import { studioBaseUrl } from '../../app/shareLocation';
import { downloadFile, safeFileName } from '../common/clipboard';
import { CopyField } from '../common/CopyField';
import { useStudioStore } from '../StudioContext';
import { DialogHeader } from '../common/DialogHeader';

/**
 * The design as a link: the fragment carries it all (never sent to a server). Shows the length,
 * and past what every app pastes comfortably, offers the design as a file instead.
 */
export function ShareDialog({ onClose }: { onClose(): void }) {
  const store = useStudioStore();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => ref.current?.showModal(), []);
  // The document as it is when the dialog opens: the link does not change under the reader.
  const { link, embed, json, name } = useMemo(() => {
    const doc = currentDocument(store.getState());
    const l = shareLink(studioBaseUrl(), doc);
    const e = l.replace('#', `${l.includes('?') ? '&' : '?'}embed#`);
    return {
      link: l,
      embed: `<iframe src="${e.replace(/"/g, '&quot;')}" width="960" height="600" title="${doc.design.name.replace(/[<>"&]/g, '')} (schema diagram)" style="border:1px solid #d8dde5;border-radius:8px"></iframe>`,
      json: serializeDocument(doc),
      name: doc.design.name,
    };
  }, [store]);
  const reach = linkReach(link.length);
  const long = reach !== 'anywhere';
  const tooLong = reach === 'tooLong';
  const download = (
    <button
      type="button"
      className={long ? 'tw-primary' : undefined}
      onClick={() =>
        downloadFile(`${safeFileName(name)}.tablewright.json`, json, 'application/json')
      }
    >
      Download design file
    </button>
  );
  return (
    <dialog ref={ref} className="tw-dialog" aria-label="Share" onClose={onClose}>
      <DialogHeader dialog={ref}>Share “{name}”</DialogHeader>
      <div className="tw-dialog-body tw-share">
        <p>
          Anyone with the link sees this design read-only (diagram, DDL and the Postgres check),
          with nothing installed, and can save a copy. The design travels inside the link; no server
          stores it.
        </p>
        {tooLong ? (
          <>
            <p className="tw-warning" role="status" aria-label="Link length">
              This design needs a link of {link.length.toLocaleString('en')} characters; browsers
              refuse links over {MAX_OPENABLE_LINK_CHARS.toLocaleString('en')}, so no link can carry
              it. Send the design file instead: it opens through Import.
            </p>
            <div className="tw-row">{download}</div>
          </>
        ) : (
          <>
            <CopyField
              label="Link"
              name="Share link"
              value={link}
              rows={3}
              copyLabel="Copy link"
              copiedMessage="Link copied."
              primary={!long}
              between={
                <p
                  className={long ? 'tw-warning' : 'tw-muted'}
                  role="status"
                  aria-label="Link length"
                >
                  {link.length.toLocaleString('en')} characters.
                  {long &&
                    ' Chromium and Firefox open links this long, but chat apps and mail often cut them (past about 32,000 characters): send the design as a file instead.'}
                </p>
              }
            >
              {download}
            </CopyField>
            <CopyField
              label="Embed (diagram only, pan and zoom) for docs and wikis"
              name="Embed code"
              value={embed}
              rows={3}
              copyLabel="Copy embed code"
              copiedMessage="Embed code copied."
            />
          </>
        )}
      </div>
    </dialog>
  );
}
