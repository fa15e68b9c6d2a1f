// The library entry point: `check(path, options)` returns the Report; the CLI only adds flags, formats and exit codes.
export { check, checkReader, lock, DEFAULT_PROFILE, type CheckOptions } from './run.js';
export { openHubTarget, type HubOptions, type HubTargetHandle } from './read/hub-reader.js';
export { openRemoteRun, type RemoteRun, type RemoteRunOptions } from './read/remote-run.js';
export { createMemoryReader, type RepoReader } from './read/reader.js';
export { exitCodeFor } from './report/exit-code.js';
export { formatReport, FORMATS, type FormatName, type FormatOptions } from './format/index.js';
export type { Policy, PolicyRule, IgnoreRule } from './evaluate/policy.js';
export { OsaiError, UsageError, InputError, RulesError } from './errors.js';
export type * from './report/types.js';
export type * from './model.js';
export { scan, type ScanOptions, type ScanProgress } from './scan/scan.js';
export type { ScanResult, ScanReference, ScanTarget, ScanVerdict } from './scan/types.js';
