// The one description of a client ref, shared by every `at` argument so the schema says it once
// and the same way everywhere.
export const AT_REF_DESCRIPTION =
  'The commit to read: a full or abbreviated sha, a branch, a tag, or an ISO date (`2021-03-04` or `2021-03-04T10:00:00Z`: the last commit of the tracked branch at or before it). Omitted = the head of the tracked branch. Unknown or malformed → BAD_REF.';
