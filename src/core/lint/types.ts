import type { Design } from '../model/schema';
import type { LintContext } from './context';

/** How much a finding matters: `error` fails `tablewright lint`, the others inform the review. */
export type Severity = 'error' | 'warning' | 'info';

/** A one-click change that resolves a finding: a pure op, like everything that edits a design. */
export interface Fix {
  /** What the button says, e.g. `Add index on (customer_id)`. */
  label: string;
  apply(design: Design): Design;
}

/** One thing the review found, located on a table and, when it is about one, a column. */
export interface Finding {
  rule: string;
  severity: Severity;
  tableId: string;
  columnId?: string;
  /** `schema.table`, or the bare name in `public`. */
  table: string;
  /** The column's name, or null for a table-level finding. */
  column: string | null;
  message: string;
  fix?: Fix;
}

/** A review rule: one practice, checked over the whole design. */
export interface Rule {
  /** Stable kebab-case id, used to disable the rule and in SARIF. */
  id: string;
  title: string;
  severity: Severity;
  /** Why the practice matters, in one or two sentences. */
  why: string;
  /** Where the practice comes from (a document and section, or a URL). */
  practice: string;
  check(design: Design, context: LintContext): Finding[];
}
