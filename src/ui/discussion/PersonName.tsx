import { useState } from 'react';
import { PERSON_NAME_MAX, savePerson, usePerson } from './person';

/** "Writing as Ada": the name this browser's messages carry, and a way to change it. */
export function PersonName() {
  const person = usePerson();
  const [editing, setEditing] = useState(false);
  if (!person) return <span className="tw-muted">Your name is asked with your first message.</span>;
  if (!editing)
    return (
      <span className="tw-row">
        <span>
          Writing as <strong style={{ color: person.colour }}>{person.name}</strong>
        </span>
        <button type="button" className="tw-link-button" onClick={() => setEditing(true)}>
          Change name
        </button>
      </span>
    );
  const commit = (value: string) => {
    if (value.trim()) savePerson(value);
    setEditing(false);
  };
  return (
    <label className="tw-row">
      Your name
      <input
        defaultValue={person.name}
        maxLength={PERSON_NAME_MAX}
        autoFocus
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
          if (e.key === 'Escape') setEditing(false);
        }}
      />
    </label>
  );
}
