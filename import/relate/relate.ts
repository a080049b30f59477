/**
 * Stage 6: relate. Events, treaties and the facts between actors, from the resolved mentions of one
 * document; see events.ts, treaties.ts and relations.ts for each part.
 */
import { findEvents, type DocEvent, type EventContext } from './events';
import { relateActors, type Fact } from './pattern-facts';
import { findTreaties, type DocTreaty } from './treaties';

export interface Related {
  events: DocEvent[];
  treaties: DocTreaty[];
  facts: Fact[];
}

export function relate(ctx: EventContext): Related {
  return { events: findEvents(ctx), treaties: findTreaties(ctx), facts: relateActors(ctx) };
}
