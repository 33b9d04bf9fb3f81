import type { OrgInput } from '../../../../shared/api/orgs';

/** Labels of the organisation form's fields. */
export const ORG_LABELS: Record<keyof OrgInput, string> = {
  kind: 'Форма',
  fullName: 'Полное наименование',
  shortName: 'Краткое наименование',
  inn: 'ИНН',
  kpp: 'КПП',
  ogrn: 'ОГРН',
  legalAddress: 'Юридический адрес',
  postalAddress: 'Почтовый адрес',
  bik: 'БИК',
  bankName: 'Банк',
  corrAccount: 'Корреспондентский счёт',
  account: 'Расчётный счёт',
  directorPosition: 'Должность руководителя',
  directorName: 'ФИО руководителя',
  accountantName: 'Главный бухгалтер',
  phone: 'Телефон',
  email: 'Электронная почта',
  defaultVatRate: 'НДС по умолчанию',
};

/** Choices of the VAT select. */
export const VAT_CHOICES = [
  { value: '22', label: 'НДС 22%' },
  { value: '20', label: 'НДС 20% (документы до 2026 г.)' },
  { value: '10', label: 'НДС 10%' },
  { value: '7', label: 'НДС 7% (УСН)' },
  { value: '5', label: 'НДС 5% (УСН)' },
  { value: '0', label: 'НДС 0%' },
  { value: 'none', label: 'Без налога (НДС)' },
];

/** An empty form. */
export const EMPTY_ORG: OrgInput = {
  kind: 'legal',
  fullName: '',
  shortName: '',
  inn: '',
  kpp: '',
  ogrn: '',
  legalAddress: '',
  postalAddress: '',
  bik: '',
  bankName: '',
  corrAccount: '',
  account: '',
  directorPosition: 'Генеральный директор',
  directorName: '',
  accountantName: '',
  phone: '',
  email: '',
  defaultVatRate: '22',
};
