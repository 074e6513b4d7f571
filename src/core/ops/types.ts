import type { Design, EnumType, Namespace, Note } from '../model/schema';

export function upsertEnum(design: Design, e: EnumType): Design {
  if (!design.schemas[e.schemaId]) return design;
  return { ...design, enums: { ...design.enums, [e.id]: e } };
}

export function deleteEnum(design: Design, enumId: string): Design {
  if (!design.enums[enumId]) return design;
  const { [enumId]: _gone, ...enums } = design.enums;
  return { ...design, enums };
}

export function upsertSchema(design: Design, s: Namespace): Design {
  return { ...design, schemas: { ...design.schemas, [s.id]: s } };
}

export function upsertNote(design: Design, note: Note): Design {
  return { ...design, notes: { ...design.notes, [note.id]: note } };
}

export function deleteNote(design: Design, noteId: string): Design {
  if (!design.notes[noteId]) return design;
  const { [noteId]: _gone, ...notes } = design.notes;
  return { ...design, notes };
}
