/**
 * Edge picking only while the camera is still. With edge events on, sigma draws every edge a second time, into
 * its picking layer, on every frame: on a moving camera that pass is paid for nothing, since nobody points at
 * an edge that is sliding under the mouse. Here it is left out of every frame whose camera moved since the
 * frame before, and one frame is drawn with it once the camera has rested STILL_MS, so that edges answer
 * hover and click again. Sigma clears its picking layers before each frame, so a frame without the pass
 * finds no edge under the mouse rather than a stale one.
 *
 * Sigma offers no setting for this (`enableEdgeEvents` turned off after construction keeps the pass), so it
 * reaches into its edge programs: each program, or each part of a compound one, has its `pickProgram`.
 */
import type Sigma from 'sigma';

/** How long the camera rests before edges can be picked again: a pause between two wheel notches is shorter. */
export const STILL_MS = 120;

interface ProgramLike {
  pickProgram?: unknown;
  programs?: ProgramLike[];
}

function leafPrograms(program: ProgramLike, into: ProgramLike[] = []): ProgramLike[] {
  if (Array.isArray(program.programs)) for (const part of program.programs) leafPrograms(part, into);
  else if (program.pickProgram) into.push(program);
  return into;
}

export interface EdgePicking {
  /** Whether the last frame drew the edges' picking pass. */
  active(): boolean;
  /** Puts every picking pass back (before sigma kills its programs). */
  dispose(): void;
}

export function pickEdgesWhenStill(sigma: Sigma): EdgePicking {
  const programs = Object.values((sigma as unknown as { edgePrograms: Record<string, ProgramLike> }).edgePrograms);
  const saved = new Map<ProgramLike, unknown>();
  for (const program of programs) for (const leaf of leafPrograms(program)) saved.set(leaf, leaf.pickProgram);
  const camera = sigma.getCamera();
  let last = camera.getState();
  let paused = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const setPaused = (value: boolean) => {
    if (value === paused) return;
    paused = value;
    for (const [leaf, pick] of saved) leaf.pickProgram = value ? null : pick;
  };
  const onBeforeRender = () => {
    const state = camera.getState();
    // An animating camera is moving even on a frame that found it where the last one did (a frame drawn
    // for another reason, or a slow machine whose rest timer fired between two animation steps).
    const moved =
      state.x !== last.x ||
      state.y !== last.y ||
      state.ratio !== last.ratio ||
      state.angle !== last.angle ||
      camera.isAnimated();
    last = state;
    setPaused(moved);
    if (!moved) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      sigma.scheduleRender(); // the camera has not moved since: this frame draws the picking pass
    }, STILL_MS);
  };
  sigma.on('beforeRender', onBeforeRender);
  return {
    active: () => !paused,
    dispose() {
      if (timer !== null) clearTimeout(timer);
      sigma.off('beforeRender', onBeforeRender);
      setPaused(false);
    },
  };
}
