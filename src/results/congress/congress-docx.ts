import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { gradeNames, type Grade } from '../../common/grade';
import type { CongressPackage } from './congress.service';

/**
 * The people's congress package as a Word document (DOMAIN §13 "exportable as a document"; 002 第二十九条;
 * 003 第二十八条), rendered with the maintained `docx` package. Chinese text uses an East Asian font
 * (宋体 / SimSun, substituted by a CJK font where it is missing); amounts are shown in 万元 (DOMAIN §4).
 */
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'SimSun' };
const SCOPE_ZH: Record<string, string> = {
  TRANSFER_OVERALL: '转移支付整体',
  DEPARTMENT: '部门整体',
  PROJECT: '本级项目',
};
const KIND_ZH: Record<string, string> = {
  SELF: '单位自评',
  DEPARTMENT: '部门评价',
  FINANCE: '财政重点评价',
  SPOT_CHECK: '抽查复核',
};

/** Yuan → 万元 with 2 decimals, exact (decimal text arithmetic, no floats). */
function wan(yuan: string | null): string {
  if (yuan === null) return '—';
  const negative = yuan.startsWith('-');
  const [int, frac = ''] = (negative ? yuan.slice(1) : yuan).split('.');
  const fen = BigInt(int + frac.padEnd(2, '0').slice(0, 2));
  // 1 万元 = 1,000,000 fen; round half up to 0.01 万元 = 10,000 fen.
  const hundredths = (fen + 5000n) / 10000n;
  const text = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

const run = (text: string, bold = false) => new TextRun({ text, bold, font: FONT, size: 21 });
const para = (text: string, bold = false) => new Paragraph({ children: [run(text, bold)] });
const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [run(text, bold)] })] });
const table = (head: string[], rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ heading: level, children: [new TextRun({ text, font: FONT, bold: true, size: 28 })] });

export function congressDocument(p: CongressPackage): Document {
  const title = `${p.regionName}${p.year}年度预算绩效信息报送人大材料`;
  return new Document({
    creator: 'Jixiao',
    title,
    styles: { default: { document: { run: { font: FONT } } } },
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            heading: HeadingLevel.TITLE,
            children: [new TextRun({ text: title, font: FONT, bold: true, size: 36 })],
          }),
          para(
            `区划代码：${p.regionCode}。依据：002 第二十九条（重要绩效目标随预算草案同步报送同级人大；绩效评价结果编入决算报送人大常委会）；003 第二十八条。金额单位：万元。`,
          ),
          heading('一、重大支出政策和项目绩效目标（随预算草案）', HeadingLevel.HEADING_1),
          para(`预算草案合计：${wan(p.draftBudgetTotal)} 万元，共 ${p.goals.length} 项。`),
          table(
            ['序号', '名称', '类型', '责任部门', '预算（万元）', '年度绩效目标'],
            p.goals.map((g, i) => [
              String(i + 1),
              g.name,
              SCOPE_ZH[g.scope] ?? g.scope,
              g.department ?? '—',
              wan(g.amount),
              g.objective ?? '—',
            ]),
          ),
          heading('二、绩效评价结果（随决算）', HeadingLevel.HEADING_1),
          para(`决算支出合计：${wan(p.finalAccountsTotal)} 万元，共 ${p.results.length} 项评价结果。`),
          table(
            ['序号', '名称', '评价类型', '得分', '等级', '预算（万元）', '支出（万元）', '执行率（%）'],
            p.results.map((r, i) => [
              String(i + 1),
              r.goalName,
              KIND_ZH[r.kind] ?? r.kind,
              r.score ?? '—',
              r.grade ? gradeNames[r.grade as Grade] : '—',
              wan(r.budgeted),
              wan(r.spent),
              r.executionRate ?? '—',
            ]),
          ),
          para(`涉密事项 ${p.classifiedWithheld} 项按规定不列入本材料。`),
        ],
      },
    ],
  });
}

export const congressDocx = (p: CongressPackage): Promise<Buffer> => Packer.toBuffer(congressDocument(p));
