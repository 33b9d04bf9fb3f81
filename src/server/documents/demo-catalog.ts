// The demo office sells warehouse equipment and its installation: the catalog, the public price list
// and the internal one (discount limits), as the seed's «внутренний прайс-лист» describes them.
import type { CatalogItemValues } from '../../db/repos/catalog-repo';
import type { Role } from '../../shared/roles';

/** A demo catalog item with its price (kopecks, net of VAT). */
export type DemoItem = CatalogItemValues & { priceKopecks: number };

const goods = (name: string, article: string, unit: string, okei: string, priceKopecks: number): DemoItem => ({
  kind: 'goods',
  name,
  article,
  unit,
  okei,
  vatRate: '22',
  // Demo cost prices: goods bought at 70 % of the price list, so gross margin has figures to show.
  costKopecks: (priceKopecks * 7) / 10,
  active: true,
  priceKopecks,
});

const service = (name: string, article: string, unit: string, okei: string, priceKopecks: number, vatRate: DemoItem['vatRate'] = '22'): DemoItem => ({
  kind: 'service',
  name,
  article,
  unit,
  okei,
  vatRate,
  // Services cost the office 40 % of their price (the installers' and engineers' time).
  costKopecks: (priceKopecks * 4) / 10,
  active: true,
  priceKopecks,
});

/** Fifteen goods and services with their ОКЕИ codes (шт 796, час 356, усл. ед 876, компл 839, м 006, кг 166). */
export const DEMO_CATALOG: DemoItem[] = [
  goods('Стеллаж паллетный СТ-200', 'СТ-200', 'шт', '796', 1_250_000),
  goods('Стеллаж полочный СП-60', 'СП-60', 'шт', '796', 780_000),
  goods('Балка стеллажная 2700 мм', 'БС-2700', 'шт', '796', 245_000),
  goods('Настил оцинкованный', 'НО-1', 'м', '006', 95_000),
  goods('Комплект крепежа для стеллажей', 'КК-10', 'компл', '839', 350_000),
  goods('Ограждение стоек стеллажа', 'ОС-400', 'шт', '796', 180_000),
  goods('Погрузчик электрический 1,5 т', 'ПЭ-15', 'шт', '796', 215_000_000),
  goods('Тележка гидравлическая 2,5 т', 'ТГ-25', 'шт', '796', 2_850_000),
  goods('Лента маркировочная', 'ЛМ-50', 'м', '006', 12_000),
  goods('Профиль металлический', 'ПМ-40', 'кг', '166', 18_500),
  service('Монтаж стеллажей', 'У-МОН', 'час', '356', 250_000),
  service('Проектирование склада', 'У-ПРО', 'усл. ед', '876', 4_500_000),
  service('Доставка по Москве', 'У-ДОС', 'усл. ед', '876', 650_000),
  service('Техническое обслуживание погрузчика', 'У-ТО', 'час', '356', 320_000),
  service('Консультация по организации склада', 'У-КОН', 'час', '356', 250_000, 'none'),
];

/** The internal price list: the largest discount of each role and its conditions. */
export const DEMO_DISCOUNT_LIMITS: { role: Role; maxDiscountBp: number; conditions: string }[] = [
  { role: 'manager', maxDiscountBp: 500, conditions: 'До 5 % — при оплате в течение 5 рабочих дней или заказе от 500 000 ₽. Больше — только по согласованию с руководителем отдела продаж.' },
  { role: 'head_of_sales', maxDiscountBp: 1500, conditions: 'До 15 % — постоянным клиентам и при заказе от 2 000 000 ₽; скидки выше согласует директор.' },
  { role: 'director', maxDiscountBp: 10_000, conditions: 'Без ограничений.' },
  { role: 'office_manager', maxDiscountBp: 0, conditions: 'Офис-менеджер оформляет документы по ценам прайс-листа.' },
  { role: 'accountant', maxDiscountBp: 0, conditions: '' },
];

/** The numbering of 2026: contracts «3/2026», invoices continuing from another program (№ 15 next), proposals «КП-1». */
export const DEMO_SERIES: { seriesKey: string; mask: string; lastNumber: number }[] = [
  { seriesKey: 'contract', mask: '{N}/{YYYY}', lastNumber: 2 },
  { seriesKey: 'invoice', mask: '{N}', lastNumber: 14 },
  { seriesKey: 'offer', mask: 'КП-{N}', lastNumber: 0 },
  { seriesKey: 'act', mask: '{N}', lastNumber: 0 },
  { seriesKey: 'torg12', mask: '{N}', lastNumber: 0 },
  { seriesKey: 'factura', mask: '{N}', lastNumber: 0 },
  { seriesKey: 'reconciliation', mask: 'АС-{N}', lastNumber: 0 },
  { seriesKey: 'free', mask: '{N}', lastNumber: 0 },
];
