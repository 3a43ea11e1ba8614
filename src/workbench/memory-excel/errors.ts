/** Excel's client error as office.js raises it (`name` "RichApi.Error", a `code`, a `debugInfo`). */
export class RichApiError extends Error {
  readonly code: string;
  readonly httpStatusCode: number;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  readonly innerError = null;

  constructor(code: string, message: string, errorLocation?: string, httpStatusCode = 400) {
    super(message);
    Object.setPrototypeOf(this, RichApiError.prototype);
    this.name = "RichApi.Error";
    this.code = code;
    this.httpStatusCode = httpStatusCode;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

/** office.js's exact wording (ResourceStrings.propertyNotLoaded). */
export function propertyNotLoaded(entity: string, prop: string): RichApiError {
  return new RichApiError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${entity}.${prop}`,
  );
}

export function apiNotFound(member: string, set: string): RichApiError {
  return new RichApiError(
    "ApiNotFound",
    `The method or property ${member} is part of the ${set} requirement set, which is not available in your version of Excel.`,
    member,
    404,
  );
}

export function invalidRequestContext(): RichApiError {
  return new RichApiError("InvalidRequestContext", "Cannot use the object across different request contexts.");
}
