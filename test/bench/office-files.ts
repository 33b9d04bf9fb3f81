import { DEMO_ORG } from '../../src/server/auth/demo-office';
import { encode1251 } from '../helpers/money-fixtures';
import { innFor } from './clients-bench-data';

const ru = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const rub = (k: number) => `${Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')}`;

/**
 * A 1C bank statement (Windows-1251, base64) of `payments` incoming payments to the demo org's account
 * dated `day` (ISO): payers are companies the base may not know, so most payments stay unmatched; `seq`
 * makes every statement's payments new (numbers and amounts), so each import writes them all.
 */
export function statementBase64(seq: number, payments: number, day: string): string {
  const d = ru(day);
  const lines = ['1CClientBankExchange', 'ВерсияФормата=1.03', 'Кодировка=Windows', `ДатаНачала=${d}`, `ДатаКонца=${d}`, `РасчСчет=${DEMO_ORG.account}`];
  lines.push('СекцияРасчСчет', `РасчСчет=${DEMO_ORG.account}`, `ДатаНачала=${d}`, `ДатаКонца=${d}`, 'НачальныйОстаток=0.00', 'КонецРасчСчет');
  for (let p = 0; p < payments; p++) {
    const payer = 500_000 + ((seq * 7919 + p) % 20_000);
    lines.push(
      'СекцияДокумент=Платежное поручение',
      `Номер=${seq * 100_000 + p + 1}`,
      `Дата=${d}`,
      `Сумма=${rub(100_000 + seq * 1000 + p)}`,
      `ПлательщикСчет=407028101${String(payer).padStart(11, '0')}`,
      `ПлательщикИНН=${innFor(payer)}`,
      `Плательщик1=ООО «Плательщик ${payer}»`,
      'ПлательщикБИК=044525187',
      `ПолучательСчет=${DEMO_ORG.account}`,
      `ДатаПоступило=${d}`,
      `ПолучательИНН=${DEMO_ORG.inn}`,
      `Получатель1=${DEMO_ORG.shortName}`,
      'ВидОплаты=01',
      'НазначениеПлатежа=Оплата по договору поставки, в т.ч. НДС',
      'КонецДокумента',
    );
  }
  lines.push('КонецФайла');
  return encode1251(lines.join('\r\n'));
}

/** A long list (CSV, base64) of `rows` companies the base has not seen, numbered from `from`. */
export function longListBase64(from: number, rows: number): string {
  const lines = ['Наименование;ИНН;Телефон;E-mail;Регион'];
  for (let i = from; i < from + rows; i++) lines.push(`ООО «Компания из списка ${i}»;${innFor(i)};;sales@list${i}.example;Казань`);
  return Buffer.from(lines.join('\r\n')).toString('base64');
}
