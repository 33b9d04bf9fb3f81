// The same documents as HTML, for the Chromium page.pdf() comparison in documents-bench.ts.
import Mustache from 'mustache';
import type { DocumentViewModel } from '../../src/documents/index';
import { escapeMarkupValue, parseMarkup, type MarkupBlock, type MarkupInline } from '../../src/documents/markup';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function inline(runs: readonly MarkupInline[]): string {
  return runs
    .map((r) => {
      let html = esc(r.text);
      if (r.bold) html = `<b>${html}</b>`;
      if (r.italics) html = `<i>${html}</i>`;
      return html;
    })
    .join('');
}

function requisites(vm: DocumentViewModel): string {
  const bank = vm.seller.bank === false ? { name: '', bik: '', corrAccount: '', account: '' } : vm.seller.bank;
  return `<table class="grid"><tr><td colspan="2" rowspan="2">${esc(bank.name)}<br><small>Банк получателя</small></td><td>БИК</td><td>${bank.bik}</td></tr>
<tr><td>Сч. №</td><td>${bank.corrAccount}</td></tr>
<tr><td>ИНН ${vm.seller.inn}</td><td>КПП ${vm.seller.kpp}</td><td rowspan="2">Сч. №</td><td rowspan="2">${bank.account}</td></tr>
<tr><td colspan="2">${esc(vm.seller.shortName)}<br><small>Получатель</small></td></tr></table>`;
}

function lines(vm: DocumentViewModel): string {
  const rows = vm.lines
    .map((l) => `<tr><td>${l.n}</td><td>${esc(l.name)}</td><td class="r">${l.quantity}</td><td>${esc(l.unit)}</td><td class="r">${l.price}</td><td class="r">${l.amount}</td></tr>`)
    .join('');
  return `<table class="grid lines"><thead><tr><th>№</th><th>Товары (работы, услуги)</th><th>Кол-во</th><th>Ед.</th><th>Цена</th><th>Сумма</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function totals(vm: DocumentViewModel): string {
  const rows = [['Итого', vm.totals.amount], ...vm.totals.vatRows.map((r) => [r.label, r.amount]), ['Всего к оплате', vm.totals.gross]];
  return `<table class="totals">${rows.map(([label, value]) => `<tr><td>${esc(label)}:</td><td>${value}</td></tr>`).join('')}</table>`;
}

function signatures(vm: DocumentViewModel): string {
  const line = (position: string, initials: string): string => `<td><b>${esc(position)}</b></td><td class="sign"></td><td>/ ${esc(initials)} /</td>`;
  return `<table class="signs"><tr>${line(vm.seller.director.position, vm.seller.director.initials)}${line('Бухгалтер', vm.seller.accountant.initials)}</tr></table>`;
}

function partyDetails(vm: DocumentViewModel): string {
  const side = (role: string, p: DocumentViewModel['seller']): string => {
    const bank = p.bank === false ? '' : `Р/с: ${p.bank.account}<br>Банк: ${esc(p.bank.name)}<br>К/с: ${p.bank.corrAccount}<br>БИК: ${p.bank.bik}<br>`;
    return `<td><b>${role}:</b><br><b>${esc(p.name)}</b><br>Юридический адрес: ${esc(p.legalAddress)}<br>ИНН: ${p.inn}<br>КПП: ${p.kpp}<br>${p.ogrnLabel}: ${p.ogrn}<br>${bank}Тел.: ${esc(p.phone)}<br><br>${esc(p.director.position)}<br>________ / ${esc(p.director.initials)} /<br>М.П.</td>`;
  };
  return `<table class="parties"><tr>${side('Поставщик', vm.seller)}${side('Покупатель', vm.buyer)}</tr></table>`;
}

function block(b: MarkupBlock, vm: DocumentViewModel): string {
  switch (b.type) {
    case 'heading':
      return b.level === 1 ? `<h1>${inline(b.inlines)}</h1>` : `<h2>${b.number ?? ''} ${inline(b.inlines)}</h2>`;
    case 'paragraph':
      return `<p class="${b.align}">${inline(b.inlines)}</p>`;
    case 'clause':
      return `<p class="justify">${b.number} ${inline(b.inlines)}</p>`;
    case 'bullet':
      return `<p>– ${inline(b.inlines)}</p>`;
    case 'split':
      return `<p class="split"><span>${inline(b.left)}</span><span>${inline(b.right)}</span></p>`;
    case 'field':
      return `<p>${b.cells.map(inline).join(' ')}</p>`;
    case 'rule':
      return '<hr>';
    case 'blank':
      return '<br>';
    case 'directive':
      return (
        { requisites: requisites(vm), lines: lines(vm), totals: totals(vm), signatures: signatures(vm), 'party-details': partyDetails(vm), pagebreak: '<div class="break"></div>' }[b.name] ?? ''
      );
  }
}

const CSS = `@page { size: A4; margin: 12mm 12mm 14mm 17mm; }
body { font-family: 'DejaVu Sans Condensed', sans-serif; font-size: 9pt; }
h1 { font-size: 13pt; text-align: center; } h2 { font-size: 10pt; text-align: center; }
table { border-collapse: collapse; width: 100%; } .grid td, .grid th { border: 0.5pt solid #000; padding: 2pt 3pt; }
.lines thead { display: table-header-group; } .lines tr { break-inside: avoid; } .r, .totals td { text-align: right; }
.justify { text-align: justify; } .right { text-align: right; } .center { text-align: center; }
.split { display: flex; justify-content: space-between; } .sign { border-bottom: 0.5pt solid #000; width: 80pt; }
.parties td { vertical-align: top; width: 50%; } .break { break-before: page; } small { font-size: 6pt; }`;

/** One document (template + view-model) as a standalone HTML page. */
export function documentHtml(vm: DocumentViewModel, source: string): string {
  return documentsHtml([{ vm, source }]);
}

/** Several documents as one HTML page, each starting on a new page. */
export function documentsHtml(parts: ReadonlyArray<{ vm: DocumentViewModel; source: string }>): string {
  const bodies = parts.map(({ vm, source }, i) => {
    const blocks = parseMarkup(Mustache.render(source, vm, {}, { escape: escapeMarkupValue }));
    return `${i > 0 ? '<div class="break"></div>' : ''}${blocks.map((b) => block(b, vm)).join('\n')}`;
  });
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><style>${CSS}</style></head><body>${bodies.join('\n')}</body></html>`;
}
