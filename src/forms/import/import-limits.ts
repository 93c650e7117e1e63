/**
 * Limits of an uploaded goal table (issue 15: file size, rows, cells; zip-bomb-safe). A goal has at most
 * MAX_INDICATORS (500) indicators, so a real 附件1/附件3 stays far below each of these.
 */
export const IMPORT_LIMITS = {
  /** Bytes of the request body; counted while it streams in, refused (413) past it. */
  maxFileBytes: 2 * 1024 * 1024,
  /** Entries of the zip's central directory. */
  maxEntries: 100,
  /** Declared (and verified) uncompressed bytes of all entries together. */
  maxUncompressedBytes: 12 * 1024 * 1024,
  /** Uncompressed ÷ compressed size of one entry, checked above `ratioFloorBytes`. */
  maxCompressionRatio: 100,
  ratioFloorBytes: 256 * 1024,
  /** Rows (<row> elements) of all worksheets together, counted before the workbook is parsed. */
  maxRows: 1000,
  /** Cells (<c> elements) of all worksheets together, counted before the workbook is parsed. */
  maxCells: 20000,
  /**
   * Merged ranges of all worksheets, and the cells they cover (counted in `maxCells` too): exceljs builds
   * every covered cell and compares each merge with all others, so both are bounded before it parses.
   */
  maxMerges: 2000,
  /** Worksheets in the workbook. */
  maxSheets: 10,
} as const;

export type ImportLimits = { -readonly [K in keyof typeof IMPORT_LIMITS]: number };
