import { exampleDocument, makeDocument, parseDesign, type Design } from '../model';

/** For the op tests: the example design, fresh each call. */
export const example = (): Design => exampleDocument().design;

/** Every op's result must still be a design the one door (`parseDesign`) accepts. */
export const sound = (design: Design): Design => {
  const r = parseDesign(makeDocument(design, exampleDocument().layout));
  if (!r.ok) throw new Error(r.error.message);
  return design;
};
