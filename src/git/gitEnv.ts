// The environment and leading options of every git process we start. Keeping them in one place
// means no call can forget them.

/**
 * Variables that would point git at another repository, index or config than the one we pass
 * (set, for example, when rolegraph runs inside a git hook), or let it prompt or page.
 */
const INHERITED_GIT_VARS = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_NAMESPACE',
  'GIT_CEILING_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_CONFIG',
  'GIT_CONFIG_PARAMETERS',
  'GIT_CONFIG_COUNT',
  'GIT_EXTERNAL_DIFF',
  // These change how every pathspec reads; the timeline's `:(glob)` one needs the default.
  'GIT_LITERAL_PATHSPECS',
  'GIT_GLOB_PATHSPECS',
  'GIT_NOGLOB_PATHSPECS',
  'GIT_ICASE_PATHSPECS',
];
// GIT_SSH_COMMAND and GIT_ASKPASS stay: they are how an operator hands git a deploy key or token.

export function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_GIT_VARS) delete env[name];
  // ssh would ask for a passphrase or an unknown host key on the terminal and hang the fetch;
  // in batch mode it fails instead. An operator's own ssh command is left as it is.
  if (env.GIT_SSH_COMMAND === undefined && env.GIT_SSH === undefined) env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes';
  return {
    ...env,
    // The machine's /etc/gitconfig is not ours to trust; the user's own (credential helpers,
    // proxies) is kept, and every option whose value matters for parsing is passed explicitly.
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    GIT_OPTIONAL_LOCKS: '0',
    LC_ALL: 'C',
  };
}

/**
 * Options placed before the subcommand of every call: no hooks, no fsmonitor daemon, no `ext::`
 * transport (it runs arbitrary commands), paths never glob.
 */
export const SAFE_CONFIG: readonly string[] = [
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'core.fsmonitor=false',
  '-c', 'protocol.ext.allow=never',
  '-c', 'core.quotePath=false',
  '-c', 'log.showSignature=false',
  '--no-pager',
  '--literal-pathspecs',
];
