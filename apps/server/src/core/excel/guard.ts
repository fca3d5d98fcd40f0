import yauzl from 'yauzl';
import { AppError } from '../errors';

/** Limits of FILE-01 (security reference): checked on the zip directory before any parsing. */
export const XLSX_LIMITS = {
  maxEntries: 1_000,
  maxTotalUncompressed: 100 * 1024 * 1024,
  maxRatio: 100,
};

interface EntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
}

/**
 * Reads the zip directory and inflates every entry into nothing, counting bytes, so a bomb that
 * lies about its sizes is caught here and not inside the spreadsheet parser.
 */
function inspectZip(buffer: Buffer): Promise<EntryInfo[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'));
      const entries: EntryInfo[] = [];
      let inflated = 0;
      const fail = (error: Error) => {
        zip.close();
        reject(error);
      };
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push({
          name: e.fileName,
          compressed: e.compressedSize,
          uncompressed: e.uncompressedSize,
        });
        const declaredTotal = entries.reduce((n, x) => n + x.uncompressed, 0);
        if (
          entries.length > XLSX_LIMITS.maxEntries ||
          declaredTotal > XLSX_LIMITS.maxTotalUncompressed
        ) {
          return fail(new AppError('import.zip_bomb'));
        }
        if (e.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(e, (streamErr, stream) => {
          if (streamErr || !stream) return fail(streamErr ?? new Error('unreadable entry'));
          stream.on('data', (chunk: Buffer) => {
            inflated += chunk.length;
            if (inflated > XLSX_LIMITS.maxTotalUncompressed) {
              stream.destroy();
              fail(new AppError('import.zip_bomb'));
            }
          });
          stream.on('error', (error) => fail(error));
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/**
 * Refuses anything that is not a plain .xlsx before a parser sees it: wrong magic bytes, a zip
 * without the workbook parts, macros, too many entries, or a zip bomb (by declared sizes and
 * compression ratio; yauzl also checks the declared sizes against the real ones when reading).
 */
export async function assertSafeXlsx(buffer: Buffer): Promise<void> {
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50)
    throw new AppError('import.not_excel');
  let entries: EntryInfo[];
  try {
    entries = await inspectZip(buffer);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // yauzl's "too many bytes in the stream" means sizes were forged: a bomb, not a workbook.
    if (/too many bytes|too few bytes/.test(String(error))) throw new AppError('import.zip_bomb');
    throw new AppError('import.not_excel');
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml'))
    throw new AppError('import.not_excel');
  if (entries.some((e) => /vbaProject\.bin$/i.test(e.name))) throw new AppError('import.not_excel');
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    const ratio = e.uncompressed / Math.max(e.compressed, 1);
    if (e.uncompressed > 1024 * 1024 && ratio > XLSX_LIMITS.maxRatio)
      throw new AppError('import.zip_bomb');
  }
  if (total > XLSX_LIMITS.maxTotalUncompressed) throw new AppError('import.zip_bomb');
}
