/**
 * A whole view as the user made it: the entities in view and where they stand, the nodes hidden by hand,
 * the selection, the filters, how nodes are sized and coloured, and the camera. A copied link and a saved
 * workshop view both hold one; `app.openView` restores one.
 */
import { INITIAL_APPEARANCE, type AppearanceState } from '../appearance/appearance-state';
import { EMPTY_FILTERS, type FilterState } from '../filters/filters';
import type { Selection } from './view-state';

export interface CameraPicture {
  x: number;
  y: number;
  ratio: number;
  angle?: number;
}

export interface ViewPicture {
  nodeIds: string[];
  /** Where nodes stand; a node without one is placed by a layout. */
  positions: Readonly<Record<string, { x: number; y: number }>>;
  hidden: string[];
  selection: Selection;
  /** Every selected node (the selection's node among them when it is one). */
  selectedNodes: string[];
  filters: FilterState;
  appearance: AppearanceState;
  /** Null: framed to fit. */
  camera: CameraPicture | null;
}

export const EMPTY_PICTURE: ViewPicture = {
  nodeIds: [],
  positions: {},
  hidden: [],
  selection: null,
  selectedNodes: [],
  filters: EMPTY_FILTERS,
  appearance: INITIAL_APPEARANCE,
  camera: null,
};
