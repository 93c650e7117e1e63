import { inflateRawSync } from 'node:zlib';
import { fileError, ImportErrorCode as C, ImportRefusal, type ImportError } from './import-errors';
import type { ImportLimits } from './import-limits';

/** One entry of the zip's central directory, inflated and verified against its declared size. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const refuse = (code: C, zh: string, en: string): never => {
  throw new ImportRefusal(400, [fileError(code, zh, en)]);
};
const notZip = (): never =>
  refuse(
    C.NOT_XLSX,
    '上传的文件不是 XLSX 工作簿（无法读取其 ZIP 结构），请使用导出的附件1或附件3模板',
    'The file is not an XLSX workbook (its ZIP structure cannot be read); use the exported 附件1 or 附件3 template',
  );

interface Directory {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  size: number;
  offset: number;
}

/** The central directory (APPNOTE 4.3.12–16), read from the end-of-central-directory record. */
function centralDirectory(buf: Buffer, limits: ImportLimits): Directory[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return notZip();
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  // Zip64 (0xFFFF entries / 0xFFFFFFFF offset) is never needed by a form of at most a few MiB.
  if (count === 0xffff || at === 0xffffffff) return notZip();
  if (count > limits.maxEntries)
    refuse(
      C.ZIP_BOMB,
      `文件包含 ${count} 个部件，超过上限 ${limits.maxEntries}`,
      `The file has ${count} parts, more than the limit of ${limits.maxEntries}`,
    );
  const out: Directory[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return notZip();
    const nameLength = buf.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (next > buf.length) return notZip();
    out.push({
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      compressed: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      offset: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at = next;
  }
  return out;
}

/** Sizes and ratios from the directory, before anything is inflated. */
function checkDeclared(entries: Directory[], limits: ImportLimits): void {
  let total = 0;
  for (const e of entries) {
    total += e.size;
    const ratio = e.size / Math.max(1, e.compressed);
    if (
      total > limits.maxUncompressedBytes ||
      (e.size > limits.ratioFloorBytes && ratio > limits.maxCompressionRatio)
    )
      refuse(
        C.ZIP_BOMB,
        `文件解压后过大（部件 ${e.name} 为 ${e.size} 字节，压缩比 ${Math.round(ratio)}:1），拒绝读取`,
        `The file expands too much (part ${e.name}: ${e.size} bytes, ratio ${Math.round(ratio)}:1); refused unread`,
      );
    if (e.flags & 0x1) refuse(C.NOT_XLSX, `部件 ${e.name} 已加密`, `Part ${e.name} is encrypted`);
    if (e.method !== 0 && e.method !== 8) return notZip();
  }
}

/** Inflates one entry, never past its declared size (a directory that lies is refused). */
function inflate(buf: Buffer, e: Directory): Buffer {
  if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== LOCAL) return notZip();
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  if (start + e.compressed > buf.length) return notZip();
  const raw = buf.subarray(start, start + e.compressed);
  let data: Buffer;
  try {
    data = e.method === 0 ? raw : inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
  } catch {
    return refuse(
      C.ZIP_BOMB,
      `部件 ${e.name} 解压后超过其声明的大小或已损坏`,
      `Part ${e.name} expands past its declared size or is corrupt`,
    );
  }
  if (data.length !== e.size) return notZip();
  return data;
}

/** Parts that are code or reach outside the file: refused whatever they hold (issue 15: treat as data). */
function hostile(name: string, types: string): ImportError | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('vbaproject.bin') || /macroenabled|vbaproject/i.test(types))
    return fileError(
      C.MACROS,
      '文件包含宏（xlsm / vbaProject），不予读取',
      'The file contains macros (xlsm / vbaProject) and is refused',
    );
  // External workbooks, and data connections / query tables that fetch from databases or the web.
  if (
    /externallink|(^|\/)connections\.xml$|querytables\//.test(lower) ||
    /externalLink|connections\+xml/i.test(types)
  )
    return fileError(
      C.EXTERNAL_LINK,
      '文件包含外部链接或数据连接（externalLinks、connections），不予读取',
      'The file contains external links or data connections (externalLinks, connections) and is refused',
    );
  if (/^xl\/(activex|embeddings)\//.test(lower))
    return fileError(
      C.EMBEDDED_OBJECT,
      '文件包含嵌入对象或控件，不予读取',
      'The file contains embedded objects or controls and is refused',
    );
  return null;
}

/**
 * The zip of an XLSX, checked before exceljs reads it (issue 15, zip-bomb-safe): entry count, declared
 * sizes and compression ratios from the central directory; then each entry inflated with its declared
 * size as a hard output cap (node:zlib `maxOutputLength`), so a lying directory cannot expand further;
 * no macros, external links or embedded objects; an XLSX's own parts present.
 */
export function guardZip(buf: Buffer, limits: ImportLimits): Map<string, Buffer> {
  const entries = centralDirectory(buf, limits);
  checkDeclared(entries, limits);
  const parts = new Map<string, Buffer>();
  for (const e of entries) if (!e.name.endsWith('/')) parts.set(e.name, inflate(buf, e));
  const types = parts.get('[Content_Types].xml')?.toString('utf8');
  if (types === undefined || !parts.has('xl/workbook.xml')) return notZip();
  for (const name of parts.keys()) {
    const problem = hostile(name, types);
    if (problem) throw new ImportRefusal(400, [problem]);
  }
  return parts;
}
