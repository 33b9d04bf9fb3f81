// Formats a party (our organisation, the client, consignor, consignee) for templates.
import type { PartyData } from './document-data';
import { fullNameIn, positionDative, salutationOf, shortNameIn } from './name-cases';
import type { PartyView, SignerView } from './view-model-types';

const NBSP = '\u00a0';
const IP_TITLE = 'Индивидуальный предприниматель';

/** «Иванов Иван Иванович» → «И.И. Иванов» (no-break space before the surname). */
export function initialsOf(fullName: string): string {
  const parts = fullName.trim().split(/\s+/).filter((p) => p !== '');
  if (parts.length === 0) return '';
  const [surname, ...given] = parts;
  if (given.length === 0) return surname;
  const letters = given.map((name) => `${name.split('-').map((piece) => piece.charAt(0).toUpperCase()).join('.-')}.`).join('');
  return `${letters}${NBSP}${surname}`;
}

/** The person's name of an ИП, from the signer field or from «Индивидуальный предприниматель Фамилия Имя Отчество». */
function ipPersonName(party: PartyData): string {
  if (party.directorName.trim() !== '') return party.directorName.trim();
  return party.fullName.replace(/^(Индивидуальный предприниматель|ИП)\s+/i, '').trim();
}

function signer(position: string, name: string, basis = ''): SignerView {
  const addressee = [positionDative(position), shortNameIn(name, 'dative')].filter((s) => s !== '').join(' ');
  return { position, name, initials: initialsOf(name), dative: addressee, salutation: salutationOf(name), basis: basis.trim() || 'Устава' };
}

function directorOf(party: PartyData): SignerView {
  if (party.kind === 'ip') return signer(IP_TITLE, ipPersonName(party));
  if (party.kind === 'person') return signer('', party.fullName.trim());
  return signer(party.directorPosition.trim() || 'Руководитель', party.directorName.trim(), party.signerBasis ?? '');
}

function accountantOf(party: PartyData, director: SignerView): SignerView {
  // Without a chief accountant the head signs for both (п.3 ст.7 402-ФЗ).
  if (party.kind !== 'legal' || party.accountantName.trim() === '') return signer('Главный бухгалтер', director.name);
  return signer('Главный бухгалтер', party.accountantName.trim());
}

function joinNonEmpty(parts: readonly string[], separator = ', '): string {
  return parts.filter((p) => p.trim() !== '').join(separator);
}

/** «ИНН 7707083893 / КПП 770701001», or just the ИНН when there is no КПП. */
function innKppOf(party: PartyData): string {
  const inn = party.inn.trim() === '' ? '' : `ИНН${NBSP}${party.inn.trim()}`;
  const kpp = party.kpp.trim() === '' ? '' : `КПП${NBSP}${party.kpp.trim()}`;
  return joinNonEmpty([inn, kpp], ' / ');
}

/** «ООО «Вектор»» as it is; an ИП and a person declined: «ИП Петрова П. П.», «Кузьминой М. О.». */
function shortGenitiveOf(party: PartyData, personName: string): string {
  if (party.kind === 'person') return shortNameIn(party.fullName, 'genitive');
  if (party.kind === 'ip' && personName !== '') return `ИП ${shortNameIn(personName, 'genitive')}`;
  return party.shortName.trim() || party.fullName.trim();
}

/** Formats one party; an empty party (all fields blank) gives blank strings. */
export function buildParty(party: PartyData): PartyView {
  const director = directorOf(party);
  const registrationAddress = party.kind === 'person' ? (party.registrationAddress?.trim() ?? '') : '';
  const address = party.legalAddress.trim() || party.postalAddress.trim() || registrationAddress;
  const phone = party.phone.trim();
  const email = party.email.trim();
  const contacts = joinNonEmpty([phone === '' ? '' : `тел.${NBSP}${phone}`, email === '' ? '' : `e-mail:${NBSP}${email}`]);
  const inn = party.inn.trim() === '' ? '' : `ИНН${NBSP}${party.inn.trim()}`;
  const kpp = party.kpp.trim() === '' ? '' : `КПП${NBSP}${party.kpp.trim()}`;
  return {
    isLegal: party.kind === 'legal',
    isIp: party.kind === 'ip',
    isPerson: party.kind === 'person',
    name: party.fullName.trim(),
    shortName: party.shortName.trim() || party.fullName.trim(),
    inn: party.inn.trim(),
    kpp: party.kpp.trim(),
    innKpp: innKppOf(party),
    ogrn: party.ogrn.trim(),
    ogrnLabel: party.kind === 'ip' ? 'ОГРНИП' : 'ОГРН',
    legalAddress: party.legalAddress.trim(),
    postalAddress: party.postalAddress.trim(),
    address,
    phone,
    email,
    contacts,
    bank: party.bank === null ? false : { ...party.bank },
    nameInstrumental: party.kind === 'person' ? fullNameIn(party.fullName, 'instrumental') : party.shortName.trim() || party.fullName.trim(),
    shortGenitive: shortGenitiveOf(party, director.name),
    passport: party.kind === 'person' ? (party.passport?.trim() ?? '') : '',
    registrationAddress,
    line: joinNonEmpty([party.shortName.trim() || party.fullName.trim(), inn, kpp, address, phone === '' ? '' : `тел.:${NBSP}${phone}`]),
    director,
    accountant: accountantOf(party, director),
  };
}
