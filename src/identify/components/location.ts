// Whether a declared location says where a component is, or only that it is not out yet.

/** Words that say a component will be somewhere, or that it is not out: TODO, N/A, on request, <url>, {{ repo }}. */
const PLACEHOLDER = /^(todo|tbd|tba|fixme|xxx+|n\/?a|none|null|nil|unknown|unreleased|private|internal|soon|coming soon|to be (released|announced|added)|(available )?(up)?on request|see (the )?(card|readme|paper)|-+|\?+|\.+|<[^>]*>|\{\{.*\}\})$/i;
/** A URL with a host (a project site: https://allenai.org/olmo, https://llm360.ai) and a path (https://github.com/org/repo, hf://…, s3://…), or a repository-relative path (training/, src/train.py). */
const LOCATION = /^(?:https?:\/\/[^\s/]+\.[^\s/.]+\/?|(?:https?:\/\/[^\s/]+\.[^\s/]+|(?!https?:)[a-z][a-z0-9+.-]*:\/\/[^\s/]+)\/\S*[^\s/]|(?!\.\.)(?!\/)[\w.-]+(?:\/[\w.-]+)*\/?)$/i;

/** A host's front page names no project there: a site of its own (https://llm360.ai) does, github.com/ does not. */
const SHARED_HOST_ROOT = /^https?:\/\/(?:www\.)?(github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|huggingface\.co|hf\.co|arxiv\.org|doi\.org|zenodo\.org|kaggle\.com|drive\.google\.com|google\.com)\/?$/i;

/** True when `value` names a place a component can be got from. */
export function isLocation(value: string): boolean {
  const text = value.trim();
  return !PLACEHOLDER.test(text) && !SHARED_HOST_ROOT.test(text) && LOCATION.test(text) && /[/.]/.test(text);
}
