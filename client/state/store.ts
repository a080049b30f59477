/**
 * A tiny store: one value, changed only by pure producers `(state) => newState`, with listeners told
 * after each change. One store per domain (view, filters, history, ...), as in Gephi Lite.
 */
export type Producer<T> = (state: T) => T;
export type Listener<T> = (state: T, previous: T) => void;

export interface Store<T> {
  get(): T;
  update(producer: Producer<T>): void;
  subscribe(listener: Listener<T>): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<Listener<T>>();
  return {
    get: () => state,
    update(producer) {
      const previous = state;
      const next = producer(state);
      if (next === previous) return;
      state = next;
      for (const listener of [...listeners]) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
