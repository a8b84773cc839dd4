/**
 * An error in the shape of CONTRACT section 2: `{"error": {"code", "message", "details"?}}`.
 * Services throw these; the exception filter renders them.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Response headers that go with the error, e.g. Retry-After on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  static badRequest(code: string, message: string, details?: unknown): ApiError {
    return new ApiError(400, code, message, details);
  }

  static notFound(resource: string, id: string): ApiError {
    return new ApiError(404, `${resource}_not_found`, `No ${resource.replace(/_/g, ' ')} with id ${id}.`);
  }

  static conflict(code: string, message: string): ApiError {
    return new ApiError(409, code, message);
  }

  toBody(): { error: { code: string; message: string; details?: unknown } } {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}
