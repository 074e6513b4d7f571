import type { ExtraContext, PendingExtra } from './extraContext';
import type {
  CollationRow,
  EventTriggerRow,
  ExtensionRow,
  PublicationRow,
  RelationObjectRow,
  RoutineRow,
  SequenceRow,
  TypeRow,
  ViewRow,
} from './extrasQueries';
import {
  eventTriggerExtras,
  extensionExtras,
  publicationExtras,
  sequenceExtras,
} from './toExtrasOther';
import {
  policyExtras,
  ruleExtras,
  statisticsExtras,
  triggerExtras,
  viewExtras,
} from './toExtrasRelations';
import { routineExtras } from './toExtrasRoutines';
import { collationExtras, typeExtras } from './toExtrasTypes';

/** The rows of the raw-object queries (see `extrasQueries.ts`). */
export interface ExtraRows {
  extensions: ExtensionRow[];
  collations: CollationRow[];
  types: TypeRow[];
  sequences: SequenceRow[];
  routines: RoutineRow[];
  views: ViewRow[];
  triggers: RelationObjectRow[];
  rules: RelationObjectRow[];
  policies: RelationObjectRow[];
  statistics: RelationObjectRow[];
  eventTriggers: EventTriggerRow[];
  publications: PublicationRow[];
}

/**
 * Every raw object, not yet ordered. Views come before what hangs on relations, so that a
 * trigger on a view finds it.
 */
export function toExtras(ctx: ExtraContext, rows: ExtraRows): PendingExtra[] {
  return [
    ...extensionExtras(ctx, rows.extensions),
    ...collationExtras(ctx, rows.collations),
    ...typeExtras(ctx, rows.types),
    ...sequenceExtras(ctx, rows.sequences),
    ...routineExtras(ctx, rows.routines),
    ...viewExtras(ctx, rows.views),
    ...triggerExtras(ctx, rows.triggers),
    ...ruleExtras(ctx, rows.rules),
    ...policyExtras(ctx, rows.policies),
    ...statisticsExtras(ctx, rows.statistics),
    ...eventTriggerExtras(ctx, rows.eventTriggers),
    ...publicationExtras(ctx, rows.publications),
  ];
}
