/**
 * Errors of the in-memory Excel, shaped like OfficeExtension.Error: `code` is one of Excel.ErrorCodes
 * ("ItemNotFound", "InvalidArgument", …) or OfficeExtension's "PropertyNotLoaded"; `debugInfo` carries the
 * same code, the message and the place (`errorLocation`, e.g. "Range.values") as Office's does.
 * https://learn.microsoft.com/javascript/api/excel/excel.errorcodes
 */
export type MemoryExcelErrorCode =
  | "AccessDenied"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "NotImplemented"
  | "PropertyNotLoaded"
  | "InvalidRequestContext"
  | "RunMustReturnPromise"
  | "InvalidObjectPath";

export class MemoryExcelError extends Error {
  readonly code: MemoryExcelErrorCode;
  readonly debugInfo: { code: MemoryExcelErrorCode; message: string; errorLocation?: string };

  constructor(code: MemoryExcelErrorCode, message: string, errorLocation?: string) {
    super(message);
    // Office.js errors are OfficeExtension.Error with name "RichApi.Error"; code that switches on name keeps working.
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function itemNotFound(what: string, location?: string): MemoryExcelError {
  return new MemoryExcelError(
    "ItemNotFound",
    `The requested resource doesn't exist. (${what})`,
    location,
  );
}

export function invalidArgument(detail: string, location?: string): MemoryExcelError {
  return new MemoryExcelError(
    "InvalidArgument",
    `The argument is invalid or missing or has an incorrect format. (${detail})`,
    location,
  );
}

export function propertyNotLoaded(property: string, objectType: string): MemoryExcelError {
  // Wording follows Office.js's PropertyNotLoaded message.
  return new MemoryExcelError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object (${objectType}) and call "context.sync()" on the associated request context.`,
    `${objectType}.${property}`,
  );
}
