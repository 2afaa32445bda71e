/**
 * The call-log island. Rows live in memory; they are written to localStorage (one key) only while
 * the reader has ticked 「在这台设备上保存记录」, and restored on load only if that key exists.
 * Cell text is set with textContent, so typed markup stays text.
 */
import type { LetterField } from '../../lib/letters/fill';
import { displayValue } from '../../lib/letters/fill';
import { STORAGE_KEY, makeRow, parseStoredRows, rowsToCsv, serializeRows, sortRows, type LogRow } from '../../lib/letters/calllog';
import { downloadName } from '../../lib/letters/text';
import { announce, downloadText, printTool, reveal } from './dom';

const root = document.querySelector<HTMLElement>('[data-call-log]');
if (root) init(root);

function init(root: HTMLElement) {
  const fields = JSON.parse(root.dataset.fields ?? '[]') as LetterField[];
  const dateField = fields.find((f) => f.kind === 'date')?.id ?? '';
  const form = root.querySelector<HTMLFormElement>('[data-form]')!;
  const body = root.querySelector<HTMLElement>('[data-rows]')!;
  const blankRows = [...body.children];
  const empty = root.querySelector<HTMLElement>('[data-empty]')!;
  const status = root.querySelector<HTMLElement>('[data-status]');
  const save = root.querySelector<HTMLInputElement>('[data-save]')!;

  const storage = (): Storage | undefined => {
    try {
      return window.localStorage;
    } catch {
      return undefined;
    }
  };
  const stored = storage()?.getItem(STORAGE_KEY) ?? null;
  let rows: LogRow[] = parseStoredRows(stored, fields);
  save.checked = stored !== null;

  const persist = () => {
    if (!save.checked) return;
    try {
      storage()!.setItem(STORAGE_KEY, serializeRows(rows));
    } catch {
      announce(status, '这台设备上没能保存（浏览器可能不允许）。记录还在页面上，请记得导出。');
    }
  };

  const draw = () => {
    const trs = rows.map((row, i) => {
      const tr = document.createElement('tr');
      const cells = [String(i + 1), ...fields.map((f) => displayValue(row[f.id] ?? '', f))];
      for (const text of cells) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      const td = document.createElement('td');
      td.className = 'no-print';
      const del = document.createElement('button');
      del.type = 'button';
      del.className = 'del';
      del.textContent = '删除';
      del.setAttribute('aria-label', `删除第${i + 1}行`);
      del.addEventListener('click', () => {
        rows.splice(i, 1);
        update(`已删除第${i + 1}行。`);
      });
      td.append(del);
      tr.append(td);
      return tr;
    });
    body.replaceChildren(...(trs.length ? trs : blankRows));
    empty.hidden = rows.length > 0;
  };

  const update = (message: string) => {
    draw();
    persist();
    announce(status, message);
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const raw: Record<string, string> = {};
    for (const f of fields) raw[f.id] = form.querySelector<HTMLInputElement>(`[data-f="${f.id}"]`)?.value ?? '';
    const row = makeRow(fields, raw);
    if (!row) return announce(status, '这一行还是空的，先填写再添加。');
    rows = sortRows([...rows, row], dateField);
    form.reset();
    update(`已添加，现在共 ${rows.length} 行。`);
  });

  save.addEventListener('change', () => {
    if (save.checked) {
      persist();
      announce(status, '已保存在这台设备上，之后的修改也会自动保存。');
    } else {
      storage()?.removeItem(STORAGE_KEY);
      announce(status, '已删除这台设备上保存的记录。页面上的记录还在，关掉页面就没有了。');
    }
  });

  root.querySelector('[data-act="clear"]')?.addEventListener('click', () => {
    if (!window.confirm('删除全部记录？页面上和这台设备上的记录都会删除，无法恢复。')) return;
    storage()?.removeItem(STORAGE_KEY);
    save.checked = false;
    rows = [];
    update('已删除全部记录。');
  });
  root.querySelector('[data-act="csv"]')?.addEventListener('click', () => {
    const name = downloadName(root.dataset.callLog ?? '', 'csv');
    downloadText(name, rowsToCsv(fields, rows), 'text/csv;charset=utf-8');
    announce(status, `已生成文件 ${name}。`);
  });
  root.querySelector('[data-act="print"]')?.addEventListener('click', printTool);

  draw();
  reveal(root);
}
