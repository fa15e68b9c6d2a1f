// The errors that stop a run (exit 2). Defects in the checked repository are findings, not errors.

/** osai could not do its job; `hint` tells the user what to do about it. */
export class OsaiError extends Error {
  constructor(message: string, readonly hint?: string, readonly code = 'osai-error') {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad flags or arguments. */
export class UsageError extends OsaiError {
  constructor(message: string, hint?: string) { super(message, hint, 'usage'); }
}

/** The target or a file osai was pointed at cannot be used (missing path, unreadable config). */
export class InputError extends OsaiError {
  constructor(message: string, hint?: string) { super(message, hint, 'input'); }
}

/** A rules file (ours, or one the user supplied) is invalid. */
export class RulesError extends OsaiError {
  constructor(message: string, hint?: string) { super(message, hint, 'rules'); }
}
