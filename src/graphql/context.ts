// The per-request context. It pins ONE IndexView when the request starts, so every field of one
// answer reads the same generation even if a refresh swaps the index mid-request.
import { IndexNotReadyError } from '../index';
import type { Indexer, IndexView, RefreshResult } from '../index';
import { createLoaders, type Loaders } from './loaders';

/** Which replica answers, and what the cluster has announced (server/main.ts supplies it; absent outside a server). */
export interface ReplicaInfo {
  instance: string;
  /** The newest head announced among the replicas; null without Redis or before any announcement. */
  clusterHead(): string | null;
}

export interface RolegraphContext {
  indexer: Indexer;
  /** The view pinned for this request; null while the first index is being built. */
  view: IndexView | null;
  loaders: Loaders | null;
  isAdmin: boolean;
  /** How the `refresh` mutation refreshes (the watcher's single-flight refresh when there is one). */
  refresh: () => Promise<RefreshResult>;
  replica: ReplicaInfo | null;
}

export interface ContextDeps {
  indexer: Indexer;
  isAdmin: boolean;
  refresh?: () => Promise<RefreshResult>;
  replica?: ReplicaInfo;
}

export function createContext(deps: ContextDeps): RolegraphContext {
  const view = deps.indexer.current();
  return {
    indexer: deps.indexer,
    view,
    loaders: view ? createLoaders(view) : null,
    isAdmin: deps.isAdmin,
    refresh: deps.refresh ?? (() => deps.indexer.refresh()),
    replica: deps.replica ?? null,
  };
}

export interface Pinned {
  view: IndexView;
  loaders: Loaders;
}

/** The pinned view and its loaders, for every resolver that reads the index. */
export function pinned(ctx: RolegraphContext): Pinned {
  if (!ctx.view || !ctx.loaders) {
    throw new IndexNotReadyError('The index is still being built; try again shortly');
  }
  return { view: ctx.view, loaders: ctx.loaders };
}
