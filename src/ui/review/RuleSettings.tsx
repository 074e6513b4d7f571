import { useEffect, useRef, useState } from 'react';
import { RULES } from '../../core/lint';
import { setRuleEnabled } from '../../core/ops';
import { useStudio, useStudioStore } from '../StudioContext';
import { DialogHeader } from '../common/DialogHeader';

/** Which rules this design is reviewed by: stored in the design, so they travel with it. */
export function RuleSettings() {
  const store = useStudioStore();
  const disabled = useStudio((s) => s.design.review.disabledRules);
  const readOnly = useStudio((s) => s.readOnly);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (open) ref.current?.showModal();
  }, [open]);
  const off = new Set(disabled);
  const setRule = (id: string, on: boolean) =>
    store.getState().dispatch((d) => setRuleEnabled(d, id, on));
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Rules ({RULES.length - off.size} of {RULES.length} on)
      </button>
      {open && (
        <dialog
          ref={ref}
          className="tw-dialog"
          aria-label="Review rules"
          onClose={() => setOpen(false)}
        >
          <DialogHeader dialog={ref}>Review rules for this design</DialogHeader>
          <div className="tw-dialog-body">
            <ul className="tw-rule-list">
              {RULES.map((r) => (
                <li key={r.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={!off.has(r.id)}
                      disabled={readOnly}
                      onChange={(e) => setRule(r.id, e.target.checked)}
                    />
                    <strong>{r.title}</strong>{' '}
                    <span className={`tw-sev-label tw-sev-${r.severity}`}>{r.severity}</span>
                  </label>
                  <p className="tw-muted">{r.why}</p>
                </li>
              ))}
            </ul>
          </div>
        </dialog>
      )}
    </>
  );
}
