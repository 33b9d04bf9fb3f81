import { ERROR_MESSAGES, type ApiError, type ErrorCode, type FieldError } from '../shared/errors';

/** An expected failure a handler reports: it crosses the boundary as data with its code. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: FieldError[],
  ) {
    super(message ?? ERROR_MESSAGES[code]);
  }

  /** The error as it travels to the renderer. */
  toApiError(): ApiError {
    return this.fields ? { code: this.code, message: this.message, details: { fields: this.fields } } : { code: this.code, message: this.message };
  }
}

/** Throws NOT_FOUND when a record is missing. */
export function found<T>(value: T | null | undefined, what = 'Запись не найдена'): T {
  if (value === null || value === undefined) throw new AppError('NOT_FOUND', what);
  return value;
}
