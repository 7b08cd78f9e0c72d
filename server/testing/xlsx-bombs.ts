/**
 * Hostile XLSX files for the import's limits, built without holding their expanded parts in memory: each part is
 * given as a generator of text chunks, deflated as it is produced. Tests only.
 */
import zlib from 'node:zlib';

type Part = { name: string; chunks: () => Iterable<string> };

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const sheetTail = '</sheetData></worksheet>';
const sst = (count: number) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">`;

const column = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : column(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

function* once(s: string) {
  yield s;
}

/**
 * Deflates a part slice by slice (1 MB of text at a time): every slice but the last ends with a sync flush, so the
 * raw deflate streams join into one valid stream and a 200 MB part never exists at once.
 */
function deflatePart(p: Part): { name: Buffer; data: Buffer; crc: number; size: number } {
  const slices: Buffer[] = [];
  let crc = 0;
  let size = 0;
  let pending: string[] = [];
  let pendingLen = 0;
  const flush = (last: boolean) => {
    const buf = Buffer.from(pending.join(''));
    crc = zlib.crc32(buf, crc);
    size += buf.length;
    slices.push(zlib.deflateRawSync(buf, { level: 9, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH }));
    pending = [];
    pendingLen = 0;
  };
  for (const c of p.chunks()) {
    pending.push(c);
    pendingLen += c.length;
    if (pendingLen >= 1 << 20) flush(false);
  }
  flush(true);
  return { name: Buffer.from(p.name), data: Buffer.concat(slices), crc, size };
}

/** A zip of the parts, in the order given. */
export function zipParts(parts: Part[]): Buffer {
  const files = parts.map(deflatePart);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(f.crc >>> 0, 14);
    h.writeUInt32LE(f.data.length, 18);
    h.writeUInt32LE(f.size, 22);
    h.writeUInt16LE(f.name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(f.crc >>> 0, 16);
    c.writeUInt32LE(f.data.length, 20);
    c.writeUInt32LE(f.size, 24);
    c.writeUInt16LE(f.name.length, 28);
    c.writeUInt32LE(offset, 42);
    locals.push(h, f.name, f.data);
    centrals.push(c, f.name);
    offset += 30 + f.name.length + f.data.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

const frame = (sheet: Part, strings: Part, sheetFirst: boolean): Buffer =>
  zipParts([
    { name: '[Content_Types].xml', chunks: () => once(contentTypes) },
    { name: '_rels/.rels', chunks: () => once(rootRels) },
    { name: 'xl/workbook.xml', chunks: () => once(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', chunks: () => once(workbookRels) },
    ...(sheetFirst ? [sheet, strings] : [strings, sheet]),
  ]);

/** 600,000 rows of one blank cell (about 3 MB): blank rows must count toward the row limit. */
export function blankRowsBomb(rows = 600_000): Buffer {
  const sheet: Part = {
    name: 'xl/worksheets/sheet1.xml',
    *chunks() {
      yield `${sheetHead}<row r="1"><c r="A1" t="inlineStr"><is><t>asset tag</t></is></c></row>`;
      for (let r = 2; r <= rows + 1; r++) yield `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t></t></is></c></row>`;
      yield sheetTail;
    },
  };
  return frame(sheet, { name: 'xl/sharedStrings.xml', chunks: () => once(`${sst(0)}</sst>`) }, true);
}

/**
 * A sheet stored before its shared strings, every cell naming one long string: about 200 KB zipped without cell
 * references (optional in the format), 4 MB with them.
 */
export function sheetBeforeStringsBomb(rows = 40_000, cols = 40, stringLength = 4_000, refs = false): Buffer {
  const sheet: Part = {
    name: 'xl/worksheets/sheet1.xml',
    *chunks() {
      yield sheetHead;
      for (let r = 1; r <= rows; r++) {
        let row = `<row r="${r}">`;
        for (let c = 0; c < cols; c++) row += refs ? `<c r="${column(c)}${r}" t="s"><v>0</v></c>` : '<c t="s"><v>0</v></c>';
        yield `${row}</row>`;
      }
      yield sheetTail;
    },
  };
  return frame(sheet, { name: 'xl/sharedStrings.xml', chunks: () => once(`${sst(1)}<si><t>${'x'.repeat(stringLength)}</t></si></sst>`) }, true);
}

/** One shared string of `mb` MB (about 200 KB zipped for 200 MB). */
export function hugeStringBomb(mb = 200): Buffer {
  const strings: Part = {
    name: 'xl/sharedStrings.xml',
    *chunks() {
      yield `${sst(1)}<si><t>`;
      const block = 'a'.repeat(1 << 20);
      for (let i = 0; i < mb; i++) yield block;
      yield '</t></si></sst>';
    },
  };
  const sheet: Part = { name: 'xl/worksheets/sheet1.xml', chunks: () => once(`${sheetHead}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${sheetTail}`) };
  return frame(sheet, strings, false);
}
