// Reads a Hugging Face repo id from an id or a huggingface.co URL.

/** `meta-llama/Meta-Llama-3-8B`, also from a huggingface.co URL (models or datasets); undefined for anything else. */
export function hubId(value: string, kind: 'model' | 'dataset' = 'model'): string | undefined {
  const text = value.trim();
  const url = /^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/(datasets\/)?([\w.-]+(?:\/[\w.-]+)?)\/?(?:[?#].*)?$/i.exec(text);
  if (url) return (kind === 'dataset') === Boolean(url[1]) ? url[2] : undefined;
  return /^[\w.-]+(\/[\w.-]+)?$/.test(text) && !/^\.|\/\.\.?$|^\.\.?\//.test(text) ? text : undefined;
}
