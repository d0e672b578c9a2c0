import yauzl from 'yauzl';

export interface ZipTextEntry {
  /** The entry's path inside the archive, as stored (folder names may end in a space). */
  path: string;
  text: string;
}

/** Bounds for untrusted archives (HTTP uploads): entry count and inflated size per entry and in total. */
export const ZIP_LIMITS = { entries: 10_000, entryBytes: 64 * 1024 * 1024, totalBytes: 256 * 1024 * 1024 };

export class ZipReadError extends Error {}

/**
 * The text files of a ZIP archive, read with yauzl (which checks each entry's inflated size
 * against its header and refuses unsafe paths). `wanted` picks the entries to inflate; the
 * others are skipped unread. Decoded as UTF-8 with a leading byte-order mark removed.
 */
export function readZipTextEntries(zip: Buffer, wanted: (path: string) => boolean): Promise<ZipTextEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (openError, archive) => {
      if (openError || !archive) return reject(new ZipReadError(`not a readable ZIP archive: ${openError?.message ?? 'unknown error'}`));
      const entries: ZipTextEntry[] = [];
      let count = 0;
      let total = 0;
      const fail = (message: string) => {
        archive.close();
        reject(new ZipReadError(message));
      };
      archive.on('error', (e: Error) => reject(new ZipReadError(`corrupt ZIP archive: ${e.message}`)));
      archive.on('end', () => resolve(entries));
      archive.on('entry', (entry: yauzl.Entry) => {
        if (++count > ZIP_LIMITS.entries) return fail(`the archive has more than ${ZIP_LIMITS.entries} entries`);
        if (entry.fileName.endsWith('/') || !wanted(entry.fileName)) return archive.readEntry();
        if (entry.uncompressedSize > ZIP_LIMITS.entryBytes) return fail(`${entry.fileName} is larger than ${ZIP_LIMITS.entryBytes} bytes`);
        total += entry.uncompressedSize;
        if (total > ZIP_LIMITS.totalBytes) return fail(`the archive inflates to more than ${ZIP_LIMITS.totalBytes} bytes`);
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(`cannot read ${entry.fileName}: ${streamError?.message}`);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', (e: Error) => fail(`cannot read ${entry.fileName}: ${e.message}`));
          stream.on('end', () => {
            entries.push({ path: entry.fileName, text: Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '') });
            archive.readEntry();
          });
        });
      });
      archive.readEntry();
    });
  });
}
