/** Parameter schemas several feature routers share. */
import { z } from 'zod';
import { ENTITY_TYPES } from '../../graph/model/types';

/** Node types a filter may name. */
export const TYPE_NAMES = [...ENTITY_TYPES, 'Document'] as [string, ...string[]];

/** Relationship type names: identifiers only, so they can never smuggle anything into a query. */
export const REL_TYPE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export const nodeIdParam = z.string().trim().min(1, 'is required').max(300);

export const idParams = z.object({ id: nodeIdParam });
