/**
 * XLSX files written the way other programs write them, part by part, for the import's corpus and bench (no office
 * suite runs here; the XML follows what each program saves — compare a file saved by it):
 * - `libreoffice`: LibreOffice Calc 7 — shared strings with xml:space="preserve", `t="n"` on numbers, every row with
 *   its height attributes, dates as serials in a custom YYYY-MM-DD style (numFmtId 164), merged title cells listed
 *   after the sheet data, page set-up after them;
 * - `excel`: Microsoft Excel 365 — `mc:Ignorable` and x14ac row attributes (spans, dyDescent), numbers without a
 *   type, a rich-text shared string with a phonetic run (rPh), dates in the built-in short-date style (numFmtId 14),
 *   a 1900-based workbook;
 * - `inline`: what streaming writers (ERP exports, POI's SXSSF) save — inline strings, no shared-strings part, and
 *   cells without references.
 * Tests and bench only.
 */
import { zipParts } from './xlsx-bombs';

export type Flavour = 'libreoffice' | 'excel' | 'inline';
/** A cell: text, a number, a date (shown in the date style), or empty. */
export type FlavourCell = string | number | { date: string } | null;
export type FlavourSheet = {
  flavour: Flavour;
  sheetName: string;
  /** A title above the header, merged across its width (LibreOffice and Excel flavours). */
  title?: string;
  header: string[];
  rows: FlavourCell[][];
};

const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const col = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : col(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));
/** Excel's serial day number (1900 system) of an ISO date. */
const serial = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);

function* once(s: string) {
  yield s;
}

export function flavouredXlsx(s: FlavourSheet): Buffer {
  const strings = new Map<string, number>();
  const shared = (t: string) => {
    let i = strings.get(t);
    if (i === undefined) {
      i = strings.size;
      strings.set(t, i);
    }
    return i;
  };
  const width = s.header.length;
  const dateStyle = 2;
  const cellXml = (v: FlavourCell, ref: string, bold: boolean): string => {
    const r = s.flavour === 'inline' ? '' : ` r="${ref}"`;
    const style = bold ? ' s="1"' : s.flavour === 'libreoffice' ? ' s="0"' : '';
    // without references every cell is written, empty ones too (else the next would take their column)
    if (v === null || v === '') return s.flavour === 'excel' ? '' : `<c${r}${style}/>`;
    if (typeof v === 'object') return `<c${r} s="${dateStyle}"${s.flavour === 'libreoffice' ? ' t="n"' : ''}><v>${serial(v.date)}</v></c>`;
    if (typeof v === 'number') return `<c${r}${style}${s.flavour === 'libreoffice' ? ' t="n"' : ''}><v>${v}</v></c>`;
    if (s.flavour === 'inline') return `<c${r}${style} t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
    return `<c${r}${style} t="s"><v>${shared(v)}</v></c>`;
  };
  const rowAttrs = (n: number) =>
    s.flavour === 'libreoffice'
      ? ` r="${n}" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"`
      : s.flavour === 'excel'
        ? ` r="${n}" spans="1:${width}" x14ac:dyDescent="0.25"`
        : ` r="${n}"`;
  const lastRow = s.rows.length + (s.title ? 2 : 1);

  const sheet: { name: string; chunks: () => Iterable<string> } = {
    name: 'xl/worksheets/sheet1.xml',
    *chunks() {
      if (s.flavour === 'excel')
        yield `${xml}<worksheet xmlns="${NS}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{00000000-0001-0000-0000-000000000000}"><dimension ref="A1:${col(width - 1)}${lastRow}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.25"/><cols><col min="1" max="${width}" width="12.625" customWidth="1"/></cols><sheetData>`;
      else if (s.flavour === 'libreoffice')
        yield `${xml}<worksheet xmlns="${NS}" xmlns:r="${R}" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><sheetPr filterMode="false"><pageSetUpPr fitToPage="false"/></sheetPr><dimension ref="A1:${col(width - 1)}${lastRow}"/><sheetViews><sheetView showFormulas="false" showGridLines="true" showRowColHeaders="true" showZeros="true" rightToLeft="false" tabSelected="true" showOutlineSymbols="true" defaultGridColor="true" view="normal" topLeftCell="A1" colorId="64" zoomScale="100" zoomScaleNormal="100" zoomScalePageLayoutView="100" workbookViewId="0"><selection pane="topLeft" activeCell="A1" activeCellId="0" sqref="A1"/></sheetView></sheetViews><sheetFormatPr defaultColWidth="11.53515625" defaultRowHeight="12.8" zeroHeight="false" outlineLevelRow="0" outlineLevelCol="0"/><sheetData>`;
      else yield `${xml}<worksheet xmlns="${NS}"><sheetData>`;
      let n = 0;
      if (s.title) {
        n++;
        const rest = s.flavour === 'libreoffice' ? Array.from({ length: width - 1 }, (_, i) => `<c r="${col(i + 1)}1" s="1"/>`).join('') : '';
        yield `<row${rowAttrs(n)}>${cellXml(s.title, 'A1', true)}${rest}</row>`;
      }
      n++;
      yield `<row${rowAttrs(n)}>${s.header.map((h, i) => cellXml(h, `${col(i)}${n}`, true)).join('')}</row>`;
      let batch: string[] = [];
      for (const row of s.rows) {
        n++;
        const r = n;
        batch.push(`<row${rowAttrs(r)}>${row.map((v, i) => cellXml(v, `${col(i)}${r}`, false)).join('')}</row>`);
        if (batch.length >= 1_000) {
          yield batch.join('');
          batch = [];
        }
      }
      yield `${batch.join('')}</sheetData>`;
      if (s.title && s.flavour !== 'inline') yield `<mergeCells count="1"><mergeCell ref="A1:${col(width - 1)}1"/></mergeCells>`;
      if (s.flavour === 'libreoffice')
        yield '<printOptions headings="false" gridLines="false" gridLinesSet="true" horizontalCentered="false" verticalCentered="false"/><pageMargins left="0.7875" right="0.7875" top="1.05277777777778" bottom="1.05277777777778" header="0.7875" footer="0.7875"/><pageSetup paperSize="9" scale="100" fitToWidth="1" fitToHeight="1" pageOrder="downThenOver" orientation="portrait" blackAndWhite="false" draft="false" cellComments="none" horizontalDpi="300" verticalDpi="300" copies="1"/><headerFooter differentFirst="false" differentOddEven="false"><oddHeader>&amp;C&amp;&quot;Times New Roman,Regular&quot;&amp;12&amp;A</oddHeader><oddFooter>&amp;C&amp;&quot;Times New Roman,Regular&quot;&amp;12Page &amp;P</oddFooter></headerFooter>';
      else if (s.flavour === 'excel')
        yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="portrait"/>';
      yield '</worksheet>';
    },
  };

  // the sheet is laid out first so that the strings it uses are known; the zip stores the parts as each program does
  const sheetXml = [...sheet.chunks()].join('');
  const sst = () => {
    const items = [...strings.keys()].map((t, i) => {
      // Excel keeps the phonetic guide of a name typed with an IME in the string item (not part of its text)
      if (s.flavour === 'excel' && i === 0)
        return `<si><r><rPr><b/><sz val="14"/><rFont val="等线"/><charset val="134"/></rPr><t>${esc(t)}</t></r><rPh sb="0" eb="2"><t>セツビ</t></rPh></si>`;
      return s.flavour === 'libreoffice' ? `<si><t xml:space="preserve">${esc(t)}</t></si>` : `<si><t>${esc(t)}</t></si>`;
    });
    return `${xml}<sst xmlns="${NS}" count="${strings.size}" uniqueCount="${strings.size}">${items.join('')}</sst>`;
  };
  const dateFormat =
    s.flavour === 'libreoffice'
      ? '<numFmts count="1"><numFmt numFmtId="164" formatCode="YYYY\\-MM\\-DD"/></numFmts>'
      : s.flavour === 'excel'
        ? ''
        : '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>';
  const dateFmtId = s.flavour === 'excel' ? 14 : 164;
  const styles = `${xml}<styleSheet xmlns="${NS}">${dateFormat}<fonts count="2"><font><sz val="10"/><name val="Arial"/><family val="2"/></font><font><b/><sz val="10"/><name val="Arial"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border diagonalUp="false" diagonalDown="false"><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="${dateFmtId}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  const hasStrings = s.flavour !== 'inline';
  const contentTypes = `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${hasStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`;
  const rootRels = `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook =
    s.flavour === 'excel'
      ? `${xml}<workbook xmlns="${NS}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="-110" yWindow="-110" windowWidth="19420" windowHeight="10300"/></bookViews><sheets><sheet name="${esc(s.sheetName)}" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`
      : `${xml}<workbook xmlns="${NS}" xmlns:r="${R}"><fileVersion appName="Calc"/><workbookPr backupFile="false" showObjects="all" date1904="false"/><workbookProtection/><bookViews><workbookView showHorizontalScroll="true" showVerticalScroll="true" showSheetTabs="true" xWindow="0" yWindow="0" windowWidth="16384" windowHeight="8192" tabRatio="500" firstSheet="0" activeTab="0"/></bookViews><sheets><sheet name="${esc(s.sheetName)}" sheetId="1" state="visible" r:id="rId2"/></sheets><calcPr iterateCount="100" refMode="A1" iterate="false" iterateDelta="0.001"/></workbook>`;
  const sheetRel = s.flavour === 'excel' ? 'rId1' : 'rId2';
  const workbookRels = `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="${R}/styles" Target="styles.xml"/><Relationship Id="${sheetRel}" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>${hasStrings ? `<Relationship Id="rId4" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`;
  const app = `${xml}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${s.flavour === 'excel' ? 'Microsoft Excel' : s.flavour === 'libreoffice' ? 'LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2' : 'Apache POI'}</Application></Properties>`;
  const parts = [
    { name: '[Content_Types].xml', chunks: () => once(contentTypes) },
    { name: '_rels/.rels', chunks: () => once(rootRels) },
    { name: 'docProps/app.xml', chunks: () => once(app) },
    { name: 'xl/workbook.xml', chunks: () => once(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', chunks: () => once(workbookRels) },
    { name: 'xl/styles.xml', chunks: () => once(styles) },
    { name: 'xl/worksheets/sheet1.xml', chunks: () => once(sheetXml) },
    ...(hasStrings ? [{ name: 'xl/sharedStrings.xml', chunks: () => once(sst()) }] : []),
  ];
  // LibreOffice stores the sheet before the shared strings, Excel after its styles and before the strings too
  return zipParts(parts);
}
