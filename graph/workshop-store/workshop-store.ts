/**
 * Where everything a workshop owns lives: the workshop with its join-code hashes, its participants with
 * their token hashes, saved views, annotations and hypotheses. Kept out of Neo4j on purpose: user Cypher
 * (`/api/cypher`, export by query) reads the whole database, and Neo4j Community has no per-label
 * privileges, so the only data it cannot reveal is data that is not there (docs/design-choices.md,
 * "Workshop data is kept out of the database user Cypher reads").
 *
 * One process owns the store (as it owns the workshop event bus): state is held in memory and every
 * change is written through to one JSON file, replaced atomically (temporary file, then rename), with
 * owner-only permissions because it holds the hashes.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InvalidInputError } from '../errors';
import type { Annotation, Hypothesis, Participant, SavedView, Workshop } from '../workshop/types';

export interface StoredWorkshop extends Workshop {
  editorCodeHash: string;
  viewerCodeHash: string;
}

export interface StoredParticipant extends Participant {
  tokenHash: string;
}

/** The file's shape; `version` lets a later format read this one. */
export interface WorkshopData {
  version: 1;
  workshops: StoredWorkshop[];
  participants: StoredParticipant[];
  views: SavedView[];
  annotations: Annotation[];
  hypotheses: Hypothesis[];
}

type Kind = 'workshops' | 'participants' | 'views' | 'annotations' | 'hypotheses';
type Row<K extends Kind> = WorkshopData[K][number];
type Tables = { [K in Kind]: Map<string, Row<K>> };

const KINDS: readonly Kind[] = ['workshops', 'participants', 'views', 'annotations', 'hypotheses'];

export class WorkshopStore {
  private readonly tables: Tables;
  private readonly byToken = new Map<string, string>(); // token hash -> participant id

  private constructor(
    private readonly file: string | null,
    data: WorkshopData,
  ) {
    this.tables = Object.fromEntries(
      KINDS.map((kind) => [kind, new Map(data[kind].map((row: { id: string }) => [row.id, row]))]),
    ) as unknown as Tables;
    for (const participant of this.tables.participants.values())
      this.byToken.set(participant.tokenHash, participant.id);
  }

  /** A store that keeps nothing after the process ends (tests, benchmarks). */
  static inMemory(): WorkshopStore {
    return new WorkshopStore(null, emptyData());
  }

  /** Opens (or starts) the store in `file`; refuses, naming the file, one it cannot read. */
  static open(file: string): WorkshopStore {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new WorkshopStore(file, emptyData());
      throw new InvalidInputError(`Workshop store ${file}: cannot read it (${(error as Error).message})`, {
        cause: error,
      });
    }
    let data: WorkshopData;
    try {
      data = JSON.parse(text) as WorkshopData;
    } catch (error) {
      throw new InvalidInputError(`Workshop store ${file}: not valid JSON; restore it from a backup or move it away`, {
        cause: error,
      });
    }
    if (data?.version !== 1 || KINDS.some((kind) => !Array.isArray(data[kind])))
      throw new InvalidInputError(`Workshop store ${file}: not a workshop store of version 1`);
    return new WorkshopStore(file, data);
  }

  get<K extends Kind>(kind: K, id: string): Row<K> | undefined {
    const row = this.tables[kind].get(id) as Row<K> | undefined;
    return row && structuredClone(row);
  }

  /** Every row of a kind that passes `keep`, as copies (a caller never changes the store by accident). */
  list<K extends Kind>(kind: K, keep: (row: Row<K>) => boolean = () => true): Array<Row<K>> {
    const rows: Array<Row<K>> = [];
    for (const row of this.tables[kind].values() as IterableIterator<Row<K>>)
      if (keep(row)) rows.push(structuredClone(row));
    return rows;
  }

  participantByTokenHash(tokenHash: string): StoredParticipant | undefined {
    const id = this.byToken.get(tokenHash);
    return id === undefined ? undefined : this.get('participants', id);
  }

  /** Adds or replaces rows, then writes the file. */
  put<K extends Kind>(kind: K, ...rows: Array<Row<K>>): void {
    for (const row of rows) {
      if (kind === 'participants') this.byToken.set((row as StoredParticipant).tokenHash, row.id);
      this.tables[kind].set(row.id, structuredClone(row));
    }
    this.save();
  }

  /** Removes rows by id; answers how many there were. */
  remove(kind: Kind, ...ids: string[]): number {
    let removed = 0;
    for (const id of ids) {
      const row = this.tables[kind].get(id);
      if (!row) continue;
      if (kind === 'participants') this.byToken.delete((row as StoredParticipant).tokenHash);
      this.tables[kind].delete(id);
      removed++;
    }
    if (removed > 0) this.save();
    return removed;
  }

  private save(): void {
    if (!this.file) return;
    const data = {
      version: 1,
      ...Object.fromEntries(KINDS.map((kind) => [kind, [...this.tables[kind].values()]])),
    } as WorkshopData;
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    // Synchronous on purpose: a change is on disk before the request that made it is answered, and two
    // changes can never interleave their writes.
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(data), { mode: 0o600 });
    renameSync(temporary, this.file);
  }
}

function emptyData(): WorkshopData {
  return { version: 1, workshops: [], participants: [], views: [], annotations: [], hypotheses: [] };
}
