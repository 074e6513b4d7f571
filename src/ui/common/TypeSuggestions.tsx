import { COMMON_TYPES } from '../../core/model/typeNames';

/** One <datalist> of PostgreSQL types for every type field (inline and inspector). */
export function TypeSuggestions() {
  return (
    <datalist id="tw-type-suggestions">
      {COMMON_TYPES.map((t) => (
        <option key={t} value={t} />
      ))}
    </datalist>
  );
}
