/** Room between neighbouring tables, in px. */
export const NODE_GAP = 48;
/** Between a table and the tables it references: more, for the crow's feet and edge bends. */
export const LAYER_GAP = 96;
