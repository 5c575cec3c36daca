import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Walker } from './walk';

/** Clicks a download link and opens what arrives as an Excel workbook. */
async function downloadWorkbook(page: Page, selector: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(selector).first().click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const bytes = await readFile(await download.path());
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return book;
}

/**
 * The office's part of the walk: from its home to the campaign page, the
 * zone's overview downloaded as XLSX (counts and shares numeric, with a
 * percent format), then the audit trail narrowed to the unit and downloaded
 * (people and units by name, the header frozen).
 */
export async function officeExports(w: Walker, office: Page, unitName: string) {
  await w.click(office, 'a[href^="/console/campaigns/"]');
  const overview = await downloadWorkbook(office, 'a:text-is("Excel（XLSX）")');
  const sheet = overview.getWorksheet('总览');
  if (!sheet) throw new Error('the overview has a 总览 sheet');
  const header = (sheet.getRow(2).values as unknown[]).map(String);
  const values = sheet.getSheetValues();
  const rowNo = values.findIndex((r) => Array.isArray(r) && r.includes(unitName));
  const unitRow = values[rowNo] as unknown[];
  const column = (name: string) => header.indexOf(name);
  expect(typeof unitRow[column('群众意见')]).toBe('number');
  expect(unitRow[column('群众意见')]).toBe(6);
  const turnout = column('参评率');
  expect(typeof unitRow[turnout]).toBe('number');
  expect(sheet.getRow(rowNo).getCell(turnout).numFmt).toMatch(/%$/);

  await w.click(office, 'nav a:text-is("操作记录")');
  await w.click(office, `a:text-is("${unitName}")`);
  const trail = await downloadWorkbook(office, 'a:text-is("Excel（XLSX）")');
  const entries = trail.getWorksheet('操作记录');
  if (!entries) throw new Error('the export has a 操作记录 sheet');
  expect(entries.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  const rows = entries.getSheetValues().slice(2) as unknown[][];
  expect(rows.length).toBeGreaterThan(10);
  for (const row of rows) expect(row[5]).toBe(unitName);
  const actions = rows.map((r) => r[4]);
  for (const done of ['认可报告', '退回报告', '删除问题', '确认计票结束', '更正纸质票']) {
    expect(actions, done).toContain(done);
  }
}
