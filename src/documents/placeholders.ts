// The catalog of template placeholders: every path of the view-model with a Russian description.
import { DOCUMENT_KINDS, type DocumentKind } from './kinds';

/** What a placeholder holds: text to print, a flag for {{#x}} / {{^x}}, a list or an object section. */
export type PlaceholderType = 'text' | 'flag' | 'list' | 'object';

/** One entry of the catalog. */
export type Placeholder = {
  /** Dotted path as written in a template: `seller.name`, `lines.quantity`. */
  path: string;
  description: string;
  type: PlaceholderType;
  /** Kinds whose templates may use it. */
  kinds: readonly DocumentKind[];
  /** For fields of list items: the list (`lines`), usable only inside {{#lines}}…{{/lines}}. */
  itemOf?: string;
};

const ALL = DOCUMENT_KINDS;
const WITH_LINES = DOCUMENT_KINDS.filter((k) => k !== 'reconciliation_act');
const SHIPPING: readonly DocumentKind[] = ['torg12', 'upd', 'invoice_factura', 'act_transfer'];
const TAX_INVOICES: readonly DocumentKind[] = ['upd', 'invoice_factura'];

type Spec = [path: string, description: string, type?: PlaceholderType];

function group(kinds: readonly DocumentKind[], specs: Spec[], itemOf?: string): Placeholder[] {
  return specs.map(([path, description, type]) => ({ path, description, type: type ?? 'text', kinds, ...(itemOf ? { itemOf } : {}) }));
}

function party(prefix: string, label: string, kinds: readonly DocumentKind[]): Placeholder[] {
  return group(kinds, [
    [`${prefix}.name`, `${label}: полное наименование`],
    [`${prefix}.shortName`, `${label}: краткое наименование`],
    [`${prefix}.inn`, `${label}: ИНН`],
    [`${prefix}.kpp`, `${label}: КПП (пусто у ИП)`],
    [`${prefix}.innKpp`, `${label}: «ИНН … / КПП …»`],
    [`${prefix}.ogrn`, `${label}: ОГРН или ОГРНИП`],
    [`${prefix}.ogrnLabel`, `${label}: «ОГРН» или «ОГРНИП»`],
    [`${prefix}.legalAddress`, `${label}: юридический адрес`],
    [`${prefix}.postalAddress`, `${label}: почтовый адрес`],
    [`${prefix}.address`, `${label}: адрес (юридический, иначе почтовый)`],
    [`${prefix}.phone`, `${label}: телефон`],
    [`${prefix}.email`, `${label}: e-mail`],
    [`${prefix}.contacts`, `${label}: «тел. …, e-mail …»`],
    [`${prefix}.line`, `${label}: наименование, ИНН/КПП, адрес, телефон одной строкой`],
    [`${prefix}.nameInstrumental`, `${label}: наименование после «между … и» (физлицо — в творительном падеже)`],
    [`${prefix}.shortGenitive`, `${label}: наименование после «по данным» (ИП и физлицо — в родительном падеже)`],
    [`${prefix}.director.basis`, `${label}: подписант действует на основании («Устава», «доверенности № … от …»)`],
    [`${prefix}.director.dative`, `${label}: адресат письма («Генеральному директору Громову С. П.»)`],
    [`${prefix}.director.salutation`, `${label}: обращение в письме («Уважаемый Сергей Петрович!»; без имени — «Уважаемые коллеги!»)`],
    [`${prefix}.isLegal`, `${label}: юридическое лицо (для блоков {{#…}})`, 'flag'],
    [`${prefix}.isIp`, `${label}: индивидуальный предприниматель`, 'flag'],
    [`${prefix}.isPerson`, `${label}: физическое лицо`, 'flag'],
    [`${prefix}.passport`, `${label}: паспорт физического лица («паспорт 4510 123456, выдан …»)`],
    [`${prefix}.registrationAddress`, `${label}: адрес регистрации физического лица`],
    [`${prefix}.bank`, `${label}: банковские реквизиты (блок, если есть)`, 'object'],
    [`${prefix}.bank.name`, `${label}: банк`],
    [`${prefix}.bank.bik`, `${label}: БИК`],
    [`${prefix}.bank.corrAccount`, `${label}: корреспондентский счёт`],
    [`${prefix}.bank.account`, `${label}: расчётный счёт`],
    [`${prefix}.director`, `${label}: подписант (блок)`, 'object'],
    [`${prefix}.director.position`, `${label}: должность подписанта`],
    [`${prefix}.director.name`, `${label}: ФИО подписанта полностью`],
    [`${prefix}.director.initials`, `${label}: подписант «И.О. Фамилия»`],
    [`${prefix}.accountant`, `${label}: главный бухгалтер (блок)`, 'object'],
    [`${prefix}.accountant.position`, `${label}: должность бухгалтера`],
    [`${prefix}.accountant.name`, `${label}: ФИО главного бухгалтера`],
    [`${prefix}.accountant.initials`, `${label}: главный бухгалтер «И.О. Фамилия»`],
  ]);
}

function ref(prefix: string, label: string, kinds: readonly DocumentKind[]): Placeholder[] {
  return group(kinds, [
    [prefix, `${label} (блок, если указан)`, 'object'],
    [`${prefix}.title`, `${label}: вид («Договор поставки»)`],
    [`${prefix}.number`, `${label}: номер`],
    [`${prefix}.date`, `${label}: дата («9 января 2026 г.»)`],
    [`${prefix}.dateContract`, `${label}: дата в договорном виде («"9" января 2026 г.»)`],
    [`${prefix}.dateNumeric`, `${label}: дата цифрами («09.01.2026»)`],
    [`${prefix}.text`, `${label}: «Договор № … от …» одной строкой`],
  ]);
}

const SIDES: Spec[] = [
  ['debit', 'дебет (по нашим данным)'],
  ['credit', 'кредит (по нашим данным)'],
  ['theirDebit', 'дебет (по данным клиента)'],
  ['theirCredit', 'кредит (по данным клиента)'],
];

function sides(prefix: string, label: string): Spec[] {
  return SIDES.map(([path, description]) => [`${prefix}.${path}`, `${label}: ${description}`]);
}

/** Every placeholder a template may use, with descriptions and applicable kinds. */
export const PLACEHOLDERS: readonly Placeholder[] = [
  ...group(ALL, [
    ['doc.kindTitle', 'Документ: вид («Счёт на оплату»)'],
    ['doc.number', 'Документ: номер'],
    ['doc.numberText', 'Документ: «№ 15», у черновика «б/н»'],
    ['doc.draft', 'Документ: черновик (ещё не выставлен)', 'flag'],
    ['doc.date', 'Документ: дата («9 января 2026 г.»)'],
    ['doc.dateContract', 'Документ: дата в договорном виде («"9" января 2026 г.»)'],
    ['doc.dateNumeric', 'Документ: дата цифрами («09.01.2026»)'],
    ['doc.title', 'Документ: заголовок («Счёт на оплату № 15 от 9 января 2026 г.»)'],
    ['doc.city', 'Документ: место составления («г. Москва»)'],
    ['doc.validUntil', 'Документ: действителен до (дата)'],
    ['doc.paymentTermsDays', 'Документ: срок оплаты, дней'],
    ['doc.deliveryTermsDays', 'Документ: срок поставки/оказания услуг, дней'],
    ['doc.subject', 'Документ: тема (для писем)'],
    ['doc.notes', 'Документ: примечание'],
    ['today', 'Дата документа (для писем)'],
    ['basis', 'Основание: «Договор поставки № 12 от 9 января 2026 г.» (пусто без договора)'],
    ['servicesOnly', 'Только работы и услуги (без товаров)', 'flag'],
    ['doc.prepaymentPercent', 'Документ: предоплата, % («100»)'],
    ['doc.postpaymentPercent', 'Документ: оплата после поставки, % (пусто при 100 % предоплате)'],
    ['manager.name', 'Менеджер: ФИО'],
    ['manager.initials', 'Менеджер: «И.О. Фамилия»'],
    ['manager.phone', 'Менеджер: телефон'],
    ['manager.email', 'Менеджер: e-mail'],
    ['deal.title', 'Сделка: название'],
  ]),
  ...party('seller', 'Наша организация', ALL),
  ...party('buyer', 'Клиент', ALL),
  ...party('consignor', 'Грузоотправитель', SHIPPING),
  ...party('consignee', 'Грузополучатель', SHIPPING),
  ...ref('contract', 'Договор-основание', ALL),
  ...group(WITH_LINES, [
    ['lines', 'Строки документа (повторяемый блок {{#lines}}…{{/lines}})', 'list'],
    ['totals.amount', 'Итого по строкам (в ценах документа)'],
    ['totals.net', 'Итого без НДС'],
    ['totals.vat', 'Итого НДС'],
    ['totals.gross', 'Всего с НДС (к оплате)'],
    ['totals.words', 'Сумма к оплате прописью'],
    ['totals.count', 'Количество наименований'],
    ['totals.quantity', 'Общее количество (сумма количеств)'],
    ['totals.summary', '«Всего наименований N, на сумму X руб.»'],
    ['totals.discount', 'Сумма скидки'],
    ['totals.vatText', '«В том числе НДС (22%) … руб.» или «Без налога (НДС)»'],
    ['totals.vatRows', 'Строки НДС по ставкам (блок)', 'list'],
    ['vat.label', '«В том числе НДС (22%)», «НДС (22%)» или «Без налога (НДС)»'],
    ['vat.rate', 'Ставка НДС («22%»)'],
    ['vat.none', 'Без НДС (для блоков {{#vat.none}}…{{/vat.none}})', 'flag'],
    ['vat.included', 'НДС включён в цены', 'flag'],
    ['vat.onTop', 'НДС начисляется сверху', 'flag'],
  ]),
  ...group(
    WITH_LINES,
    [
      ['lines.n', 'Строка: № п/п'],
      ['lines.name', 'Строка: наименование'],
      ['lines.unit', 'Строка: единица измерения'],
      ['lines.okei', 'Строка: код единицы по ОКЕИ'],
      ['lines.quantity', 'Строка: количество'],
      ['lines.price', 'Строка: цена'],
      ['lines.priceNet', 'Строка: цена без НДС'],
      ['lines.discount', 'Строка: скидка, %'],
      ['lines.amount', 'Строка: сумма'],
      ['lines.net', 'Строка: сумма без НДС'],
      ['lines.vatRate', 'Строка: ставка НДС'],
      ['lines.vatRateShort', 'Строка: ставка НДС кратко («без НДС»)'],
      ['lines.vat', 'Строка: сумма НДС'],
      ['lines.total', 'Строка: сумма с НДС'],
      ['lines.countryCode', 'Строка: код страны происхождения (ОКСМ)'],
      ['lines.country', 'Строка: страна происхождения'],
      ['lines.customsDeclaration', 'Строка: регистрационный номер декларации'],
      ['lines.productKindCode', 'Строка: код вида товара по ТН ВЭД ЕАЭС'],
    ],
    'lines',
  ),
  ...group(WITH_LINES, [['totals.vatRows.label', 'Строка НДС: подпись'], ['totals.vatRows.amount', 'Строка НДС: сумма']], 'totals.vatRows'),
  ...group(['upd'], [
    ['upd.status', 'УПД: статус (1 или 2)'],
    ['upd.status1', 'УПД: статус 1 — счёт-фактура и передаточный документ', 'flag'],
    ['upd.status2', 'УПД: статус 2 — только передаточный документ', 'flag'],
  ]),
  ...group(TAX_INVOICES, [
    ['correction', 'Исправление (блок, если есть)', 'object'],
    ['correction.number', 'Исправление: номер'],
    ['correction.date', 'Исправление: дата'],
    ['governmentContractId', 'Идентификатор государственного контракта'],
    ['currency', 'Валюта: «Российский рубль, 643»'],
  ]),
  ...ref('paymentDocument', 'Платёжно-расчётный документ', TAX_INVOICES),
  ...group(['reconciliation_act'], [
    ['reconciliation', 'Сверка (блок)', 'object'],
    ['reconciliation.periodFrom', 'Сверка: начало периода'],
    ['reconciliation.periodTo', 'Сверка: конец периода'],
    ['reconciliation.period', 'Сверка: «за период с … по …»'],
    ['reconciliation.closingText', 'Сверка: итог («задолженность в пользу …»)'],
    ['reconciliation.rows', 'Сверка: строки (блок)', 'list'],
    ...sides('reconciliation.opening', 'Сальдо начальное'),
    ...sides('reconciliation.turnover', 'Обороты за период'),
    ...sides('reconciliation.closing', 'Сальдо конечное'),
  ]),
  ...group(
    ['reconciliation_act'],
    [['reconciliation.rows.date', 'Строка сверки: дата'], ['reconciliation.rows.doc', 'Строка сверки: документ'], ...sides('reconciliation.rows', 'Строка сверки')],
    'reconciliation.rows',
  ),
];

const BY_PATH: ReadonlyMap<string, Placeholder> = new Map(PLACEHOLDERS.map((p) => [p.path, p]));

/** The catalog entry for a path, if any. */
export function findPlaceholder(path: string): Placeholder | undefined {
  return BY_PATH.get(path);
}

/** Catalog entries usable in a kind's templates, for the editor's picker. */
export function placeholdersFor(kind: DocumentKind): Placeholder[] {
  return PLACEHOLDERS.filter((p) => p.kinds.includes(kind));
}
