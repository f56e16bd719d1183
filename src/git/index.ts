// Public API of the git layer: the GitSource factory, its errors and types, and the pure helpers
// other layers may reuse (ref validation, content folder choice).
export { createGitSource } from './gitSource';
export type { GitSourceOptions } from './gitSource';
export { BadRefError, GitCommandError } from './errors';
export { refProblem, MAX_REF_LENGTH } from './resolveRef';
export { bestRoot, chooseContentDir, countPagesByRoot, CONTENT_DIR_CANDIDATES } from './detectContentDir';
export { ANY_CONTENT_ROOT, contentRootOf } from './contentRoot';
export { OFF_TIMELINE } from './commitInfo';
export { redactCredentials } from './redact';
export type { ChangeStatus, CommitInfo, GitSource, PathChange, TimelineStep, TreeEntry } from './types';
export { createHistory, headCommit, listPaths, pushEdit } from './writeHistory';
export type { HistoryAuthor, HistoryCommit, HistoryWriter, PushedEdit } from './writeHistory';
