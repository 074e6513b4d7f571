import type { DesignDocument } from '../core/model';
import { journalVerdict, type Journal } from '../persistence/journal';
import type { DesignRepo } from '../persistence/designRepo';
import { withNewDesignId } from '../persistence/records';
import type { StudioStore } from '../state/store';

/** What recovering a journaled edit touches: the design in the store, the journal, the storage. */
export interface JournalRecoveryDeps {
  store: StudioStore;
  journal: Journal;
  repo: DesignRepo | undefined;
  tell(text: string, tone?: 'info' | 'error'): void;
  /** The stored list changed (a recovered copy was added). */
  listChanged(): void;
}

/**
 * An edit the last visit journaled but never stored (the tab closed first), put back over the
 * design just opened from storage. When another tab saved that design since, theirs stays and
 * this work is kept beside it as a copy.
 */
export async function recoverJournaledEdit(
  deps: JournalRecoveryDeps,
  id: string,
  stored: { revision: number; doc: DesignDocument },
): Promise<void> {
  const { store, journal, repo, tell } = deps;
  const entry = journal.read(id);
  if (!entry) return;
  const verdict = journalVerdict(entry, stored);
  if (verdict === 'same') return journal.clear(id);
  if (verdict === 'replay') {
    // Loaded as a change on top of the stored revision: autosave stores it like any edit.
    store.getState().load(
      {
        ...entry.doc,
        layout: { ...entry.doc.layout, viewport: store.getState().layout.viewport },
      },
      store.getState().selection,
    );
    tell('Your last change before the tab closed was restored.', 'info');
    return;
  }
  // Another tab saved this design since: keep theirs, and this work beside it as a copy.
  if (!repo) return;
  const copy = withNewDesignId(entry.doc, `${entry.doc.design.name} (recovered)`);
  const created = await repo.create(copy);
  if (created.ok) {
    journal.clear(id);
    deps.listChanged();
    tell(
      `Changes from a tab that closed before saving were kept as “${copy.design.name}” (another tab had saved this design since).`,
      'info',
    );
  } else {
    // The entry stays in the journal: the next opening tries again.
    tell(
      `Changes from a tab that closed before saving could not be kept as a copy yet: ${created.error.message}`,
    );
  }
}
