// Parses `hf:ORG/NAME[@REVISION]`, the way a Hub model repository is named on the command line.

export interface HubTarget { repo: string; revision: string; spec: string }

const NAME = /^[A-Za-z0-9][\w.-]{0,95}$/;

/** Whether a check target names a Hub repository rather than a folder. */
export function isHubSpec(target: string): boolean {
  return /^(hf|hf:\/\/|huggingface):/i.test(target);
}

/** The repository and revision a spec names, or a sentence saying what is wrong with it. */
export function parseHubSpec(spec: string): HubTarget | { error: string } {
  const body = spec.replace(/^(hf|huggingface):(\/\/)?/i, '');
  const at = body.indexOf('@');
  const repo = at < 0 ? body : body.slice(0, at);
  const revision = at < 0 ? 'main' : body.slice(at + 1);
  const parts = repo.split('/');
  if (parts.length !== 2 || !parts.every((p) => NAME.test(p) && !p.includes('..') && !p.endsWith('.'))) {
    return { error: `"${spec}" does not name a Hub model repository` };
  }
  // A branch, tag or commit: no spaces, no `..`, nothing a URL path would reinterpret.
  if (!/^[\w.\-/]{1,200}$/.test(revision) || revision.includes('..') || revision.startsWith('/')) {
    return { error: `"${revision}" is not a revision (a branch, tag or commit sha)` };
  }
  return { repo, revision, spec: `hf:${repo}` };
}
