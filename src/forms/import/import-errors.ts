/**
 * 导入错误 — one problem of an uploaded goal table (issue 15): a stable code, the sheet and the cell it
 * concerns (`附件1!D12`; both null when the whole file is refused), and the sentence in Chinese and English.
 * Response body on refusal: `{ errors: ImportError[] }` (docs/forms-import.md).
 */
export interface ImportError {
  code: ImportErrorCode;
  sheet: string | null;
  cell: string | null;
  messageZh: string;
  message: string;
}

/** Stable codes of import errors (documented in docs/forms-import.md). */
export enum ImportErrorCode {
  /** The request body is not an XLSX file of the accepted content type. */
  UNSUPPORTED_MEDIA_TYPE = 'FORM_UNSUPPORTED_MEDIA_TYPE',
  FILE_TOO_LARGE = 'FORM_FILE_TOO_LARGE',
  NOT_XLSX = 'FORM_NOT_XLSX',
  ZIP_BOMB = 'FORM_ZIP_BOMB',
  MACROS = 'FORM_MACROS',
  EXTERNAL_LINK = 'FORM_EXTERNAL_LINK',
  EMBEDDED_OBJECT = 'FORM_EMBEDDED_OBJECT',
  TOO_MANY_ROWS = 'FORM_TOO_MANY_ROWS',
  TOO_MANY_CELLS = 'FORM_TOO_MANY_CELLS',
  FORMULA = 'FORM_FORMULA',
  /** No sheet of the file is 附件1 or 附件3, or its title or headings are not the template's. */
  NOT_TEMPLATE = 'FORM_NOT_TEMPLATE',
  REQUIRED_CELL = 'FORM_REQUIRED_CELL',
  BAD_VALUE = 'FORM_BAD_VALUE',
  UNKNOWN_CATEGORY = 'FORM_UNKNOWN_CATEGORY',
  UNKNOWN_SUBCATEGORY = 'FORM_UNKNOWN_SUBCATEGORY',
  TARGET_NOT_NUMBER = 'FORM_TARGET_NOT_NUMBER',
  POINTS_TOTAL = 'FORM_POINTS_TOTAL',
  /** The named project, fund or region is not one the caller can see (other unit, other tenant). */
  SUBJECT_NOT_FOUND = 'FORM_SUBJECT_NOT_FOUND',
  /** P2: the caller may not draft the goal of the named project. */
  NOT_DRAFTER = 'FORM_NOT_DRAFTER',
  /** A rule of the goal service refused the goal (the goal's own code is in the message). */
  GOAL_REFUSED = 'FORM_GOAL_REFUSED',
  UNAUTHENTICATED = 'FORM_UNAUTHENTICATED',
  FORBIDDEN = 'FORM_FORBIDDEN',
  UNAVAILABLE = 'FORM_UNAVAILABLE',
  /** A bug: the import failed unexpectedly (logged). */
  INTERNAL = 'FORM_INTERNAL',
}

/** A whole-file refusal (no sheet or cell). */
export const fileError = (code: ImportErrorCode, zh: string, en: string): ImportError => ({
  code,
  sheet: null,
  cell: null,
  messageZh: zh,
  message: en,
});

/** A refusal with its HTTP status, thrown by the upload and the file checks, answered by the handler. */
export class ImportRefusal extends Error {
  constructor(
    readonly status: number,
    readonly errors: ImportError[],
  ) {
    super(errors[0]?.message ?? 'import refused');
  }
}

/** Collects cell errors of a sheet; the import writes nothing while any is present. */
export class CellErrors {
  readonly list: ImportError[] = [];

  add(code: ImportErrorCode, sheet: string, cell: string | null, zh: string, en: string): void {
    this.list.push({ code, sheet, cell, messageZh: zh, message: en });
  }

  get ok(): boolean {
    return this.list.length === 0;
  }
}
