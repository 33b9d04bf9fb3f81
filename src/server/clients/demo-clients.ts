// The demo office's client base. ИНН, ОГРН/ОГРНИП and account keys are computed to pass the
// checksums; banks are real public БИК / к/с pairs. The first three are the payers of the reference
// bank statement, with their accounts, so that a later import of that statement finds them.

/** One demo client: requisites, whose it is, its key persons. */
export interface DemoClient {
  kind: 'legal' | 'ip' | 'person';
  shortName: string;
  fullName: string;
  inn: string;
  kpp: string;
  ogrn: string;
  address: string;
  region: string;
  segment: string;
  source: string;
  website: string;
  phone: string;
  email: string;
  bank: keyof typeof DEMO_BANKS | null;
  account: string;
  /** Login of the responsible manager, or null for a free client. */
  owner: string | null;
  contacts: { fullName: string; position: string; role: 'decision_maker' | 'influencer' | 'user' | 'gatekeeper' | 'initiator' | 'other'; phone: string; email: string; birthday: string; notes: string }[];
}

/** Real banks: БИК, корреспондентский счёт, name. */
export const DEMO_BANKS = {
  sber: { bik: '044525225', corrAccount: '30101810400000000225', bankName: 'ПАО Сбербанк' },
  vtb: { bik: '044525187', corrAccount: '30101810700000000187', bankName: 'Банк ВТБ (ПАО)' },
  raif: { bik: '044525700', corrAccount: '30101810200000000700', bankName: 'АО «Райффайзенбанк»' },
  russia: { bik: '044030861', corrAccount: '30101810800000000861', bankName: 'АО «АБ «РОССИЯ»' },
} as const;

type Contact = DemoClient['contacts'][number];
const person = (fullName: string, position: string, role: Contact['role'], phone = '', email = '', birthday = '', notes = ''): Contact => ({
  fullName,
  position,
  role,
  phone,
  email,
  birthday,
  notes,
});

/** The demo clients. */
export const DEMO_CLIENTS: DemoClient[] = [
  {
    kind: 'legal', shortName: 'ООО «Альфа-Трейд»', fullName: 'Общество с ограниченной ответственностью «Альфа-Трейд»',
    inn: '5027990026', kpp: '502701001', ogrn: '1025080246047', address: '140002, Московская обл., г. Люберцы, Октябрьский пр-т, д. 112',
    region: 'Московская область', segment: 'Оптовая торговля', source: 'Рекомендации', website: 'alfa-trade.example',
    phone: '+7 495 554-12-30', email: 'info@alfa-trade.example', bank: 'vtb', account: '40702810400000000123', owner: 'ivanov',
    contacts: [
      person('Громов Сергей Петрович', 'Генеральный директор', 'decision_maker', '+7 916 201-33-44', 'gromov@alfa-trade.example', '1974-03-12', 'Решения принимает быстро, ценит конкретику. Рыбалка, хоккей.'),
      person('Лебедева Ирина Алексеевна', 'Главный бухгалтер', 'influencer', '+7 495 554-12-31', 'buh@alfa-trade.example', '1981-09-02', 'Согласует договоры и оплаты.'),
    ],
  },
  {
    kind: 'legal', shortName: 'ООО «Бета Системс»', fullName: 'Общество с ограниченной ответственностью «Бета Системс»',
    inn: '7810990038', kpp: '781001001', ogrn: '1037802284684', address: '196084, г. Санкт-Петербург, ул. Заставская, д. 33',
    region: 'Санкт-Петербург', segment: 'IT', source: 'Сайты в Интернете', website: 'beta-systems.example',
    phone: '+7 812 600-45-67', email: 'office@beta-systems.example', bank: 'russia', account: '40702810500000004567', owner: 'kuznetsova',
    contacts: [person('Орлов Денис Викторович', 'Технический директор', 'decision_maker', '+7 921 300-11-22', 'orlov@beta-systems.example', '1985-06-20', 'Инженер, любит цифры и тесты.')],
  },
  {
    kind: 'legal', shortName: 'ООО «Гамма»', fullName: 'Общество с ограниченной ответственностью «Гамма»',
    inn: '7718990043', kpp: '771801001', ogrn: '1057742824644', address: '107113, г. Москва, ул. Сокольнический Вал, д. 1',
    region: 'Москва', segment: 'Услуги', source: 'Входящие обращения', website: '',
    phone: '+7 495 777-80-90', email: 'gamma@gamma-service.example', bank: 'raif', account: '40702810100000008901', owner: 'smirnov',
    contacts: [person('Тихонова Мария Сергеевна', 'Директор', 'decision_maker', '+7 903 100-20-30', 'tikhonova@gamma-service.example')],
  },
  {
    kind: 'legal', shortName: 'ООО «СтройМонтаж»', fullName: 'Общество с ограниченной ответственностью «СтройМонтаж»',
    inn: '7748000046', kpp: '774801001', ogrn: '1027764240800', address: '117342, г. Москва, ул. Бутлерова, д. 17',
    region: 'Москва', segment: 'Строительство', source: 'Справочники', website: 'stroymontazh.example',
    phone: '8 (495) 231-40-50', email: 'tender@stroymontazh.example', bank: 'sber', account: '40702810366404622806', owner: 'ivanov',
    contacts: [
      person('Кравцов Алексей Юрьевич', 'Начальник отдела снабжения', 'influencer', '+7 926 410-22-33', 'kravtsov@stroymontazh.example', '1979-11-30', 'Проводит тендеры, важен срок поставки.'),
      person('Белова Ольга Игоревна', 'Секретарь', 'gatekeeper', '+7 495 231-40-50'),
    ],
  },
  {
    kind: 'legal', shortName: 'АО «Северсталь-Сервис»', fullName: 'Акционерное общество «Северсталь-Сервис»',
    inn: '7766414868', kpp: '776601001', ogrn: '1157748408828', address: '125167, г. Москва, Ленинградский пр-т, д. 39',
    region: 'Москва', segment: 'Производство', source: 'Базы данных', website: 'sss-service.example',
    phone: '+7 495 980-11-00', email: 'zakupki@sss-service.example', bank: 'vtb', account: '40702810240428282848', owner: 'kuznetsova',
    contacts: [person('Захаров Игорь Николаевич', 'Директор по закупкам', 'decision_maker', '+7 985 765-43-21', 'zakharov@sss-service.example', '1970-01-15')],
  },
  {
    kind: 'legal', shortName: 'ООО «Техноком»', fullName: 'Общество с ограниченной ответственностью «Техноком»',
    inn: '7768040223', kpp: '776801001', ogrn: '1177766448860', address: '109428, г. Москва, Рязанский пр-т, д. 8А',
    region: 'Москва', segment: 'IT', source: 'Выставки и мероприятия', website: 'technocom.example',
    phone: '+7 499 322-15-16', email: 'sales@technocom.example', bank: 'raif', account: '40702810588802428220', owner: 'smirnov', contacts: [],
  },
  {
    kind: 'legal', shortName: 'ООО «Невский Логистик»', fullName: 'Общество с ограниченной ответственностью «Невский Логистик»',
    inn: '7802224262', kpp: '780201001', ogrn: '1027842622004', address: '194044, г. Санкт-Петербург, Большой Сампсониевский пр-т, д. 60',
    region: 'Санкт-Петербург', segment: 'Логистика', source: 'СМИ', website: 'nevlog.example',
    phone: '+7 812 407-70-70', email: 'info@nevlog.example', bank: 'russia', account: '40702810528486062448', owner: 'kuznetsova',
    contacts: [person('Смирнова Екатерина Павловна', 'Коммерческий директор', 'decision_maker', '+7 911 707-08-09', 'smirnova@nevlog.example', '1983-04-05')],
  },
  {
    kind: 'legal', shortName: 'ООО «Петроград Пищепром»', fullName: 'Общество с ограниченной ответственностью «Петроград Пищепром»',
    inn: '7824680220', kpp: '782401001', ogrn: '1157808422200', address: '197022, г. Санкт-Петербург, ул. Профессора Попова, д. 23',
    region: 'Санкт-Петербург', segment: 'Производство', source: 'Справочники', website: '',
    phone: '+7 812 346-21-00', email: '', bank: null, account: '', owner: null, contacts: [],
  },
  {
    kind: 'legal', shortName: 'ООО «Казань Опт»', fullName: 'Общество с ограниченной ответственностью «Казань Опт»',
    inn: '1670668243', kpp: '167001001', ogrn: '1021668484683', address: '420107, Республика Татарстан, г. Казань, ул. Спартаковская, д. 2',
    region: 'Казань', segment: 'Оптовая торговля', source: 'Базы данных', website: 'kazan-opt.example',
    phone: '+7 843 210-30-40', email: 'opt@kazan-opt.example', bank: 'sber', account: '40702810924600808646', owner: 'smirnov',
    contacts: [person('Хабибуллин Рустам Ильдарович', 'Директор', 'decision_maker', '+7 917 250-60-70', 'rustam@kazan-opt.example', '1977-08-19')],
  },
  {
    kind: 'legal', shortName: 'ООО «Волга Агро»', fullName: 'Общество с ограниченной ответственностью «Волга Агро»',
    inn: '1628828486', kpp: '162801001', ogrn: '1151688268225', address: '422540, Республика Татарстан, г. Зеленодольск, ул. Заводская, д. 3',
    region: 'Казань', segment: 'Сельское хозяйство', source: 'Сайты в Интернете', website: 'volga-agro.example',
    phone: '+7 843 715-22-11', email: 'agro@volga-agro.example', bank: null, account: '', owner: null, contacts: [],
  },
  {
    kind: 'legal', shortName: 'АО «Уралмашсбыт»', fullName: 'Акционерное общество «Уралмашсбыт»',
    inn: '6660060261', kpp: '666001001', ogrn: '1026628480669', address: '620012, г. Екатеринбург, пл. Первой Пятилетки, д. 1',
    region: 'Екатеринбург', segment: 'Производство', source: 'Выставки и мероприятия', website: 'uralmash-sbyt.example',
    phone: '+7 343 327-10-00', email: 'sbyt@uralmash-sbyt.example', bank: 'vtb', account: '40702810600446444240', owner: 'ivanov',
    contacts: [person('Пермяков Виктор Андреевич', 'Заместитель директора', 'influencer', '+7 912 600-70-80', 'permyakov@uralmash-sbyt.example')],
  },
  {
    kind: 'legal', shortName: 'ООО «Екатеринбург Ритейл»', fullName: 'Общество с ограниченной ответственностью «Екатеринбург Ритейл»',
    inn: '6620808021', kpp: '662001001', ogrn: '1156668486666', address: '620014, г. Екатеринбург, ул. Вайнера, д. 9',
    region: 'Екатеринбург', segment: 'Розница', source: 'Рекомендации', website: '',
    phone: '+7 343 286-50-50', email: 'office@eret.example', bank: null, account: '', owner: 'ivanov', contacts: [],
  },
  {
    kind: 'legal', shortName: 'ООО «Сибирский Стандарт»', fullName: 'Общество с ограниченной ответственностью «Сибирский Стандарт»',
    inn: '5408486241', kpp: '540801001', ogrn: '1025400286229', address: '630099, г. Новосибирск, Красный пр-т, д. 25',
    region: 'Новосибирск', segment: 'Оптовая торговля', source: 'Справочники', website: 'sibstandart.example',
    phone: '+7 383 209-90-90', email: 'zakaz@sibstandart.example', bank: 'sber', account: '40702810784600682028', owner: 'kuznetsova', contacts: [],
  },
  {
    kind: 'legal', shortName: 'ООО «НовоТранс»', fullName: 'Общество с ограниченной ответственностью «НовоТранс»',
    inn: '5464244408', kpp: '546401001', ogrn: '1155444864860', address: '630108, г. Новосибирск, ул. Станционная, д. 30',
    region: 'Новосибирск', segment: 'Логистика', source: 'Входящие обращения', website: '',
    phone: '+7 383 341-12-12', email: 'novotrans@mail.ru', bank: null, account: '', owner: null, contacts: [],
  },
  {
    kind: 'legal', shortName: 'ООО «Нижегородские окна»', fullName: 'Общество с ограниченной ответственностью «Нижегородские окна»',
    inn: '5204064805', kpp: '520401001', ogrn: '1025262002204', address: '603000, г. Нижний Новгород, ул. Большая Покровская, д. 4',
    region: 'Нижний Новгород', segment: 'Строительство', source: 'СМИ', website: 'nn-okna.example',
    phone: '+7 831 433-00-11', email: 'okna@nn-okna.example', bank: 'raif', account: '40702810076288648220', owner: 'smirnov', contacts: [],
  },
  {
    kind: 'legal', shortName: 'АО «Подмосковный хлебозавод»', fullName: 'Акционерное общество «Подмосковный хлебозавод»',
    inn: '5028406289', kpp: '502801001', ogrn: '1025024688281', address: '143403, Московская обл., г. Красногорск, ул. Заводская, д. 11',
    region: 'Московская область', segment: 'Производство', source: 'Базы данных', website: 'khleb-mo.example',
    phone: '+7 495 563-30-30', email: 'priem@khleb-mo.example', bank: null, account: '', owner: 'ivanov',
    contacts: [person('Фролова Наталья Викторовна', 'Директор по производству', 'decision_maker', '+7 903 563-30-31', 'frolova@khleb-mo.example', '1969-12-24', 'Давний контакт, ценит надёжность поставок.')],
  },
  {
    kind: 'legal', shortName: 'ООО «Подольск Металл»', fullName: 'Общество с ограниченной ответственностью «Подольск Металл»',
    inn: '5060044080', kpp: '506001001', ogrn: '1155008446647', address: '142100, Московская обл., г. Подольск, ул. Плещеевская, д. 15',
    region: 'Московская область', segment: 'Производство', source: 'Справочники', website: 'podolsk-metall.example',
    phone: '+7 496 755-40-40', email: 'metall@podolsk-metall.example', bank: 'vtb', account: '40702810488002888404', owner: 'kuznetsova', contacts: [],
  },
  {
    kind: 'legal', shortName: 'ООО «Волжский берег»', fullName: 'Общество с ограниченной ответственностью «Волжский берег»',
    inn: '5262226822', kpp: '526201001', ogrn: '1155284486048', address: '603001, г. Нижний Новгород, Нижне-Волжская наб., д. 9',
    region: 'Нижний Новгород', segment: 'HoReCa', source: 'Сайты в Интернете', website: '',
    phone: '+7 831 215-15-15', email: 'bereg@volga-bereg.example', bank: null, account: '', owner: null, contacts: [],
  },
  {
    kind: 'legal', shortName: 'ООО «Уральские сети»', fullName: 'Общество с ограниченной ответственностью «Уральские сети»',
    inn: '6622842067', kpp: '662201001', ogrn: '1176644248220', address: '620026, г. Екатеринбург, ул. Белинского, д. 56',
    region: 'Екатеринбург', segment: 'Розница', source: 'Базы данных', website: 'uralset.example',
    phone: '+7 343 310-20-20', email: 'info@uralset.example', bank: null, account: '', owner: 'smirnov', contacts: [],
  },
  {
    kind: 'legal', shortName: 'ООО «Приволжская сеть аптек»', fullName: 'Общество с ограниченной ответственностью «Приволжская сеть аптек»',
    inn: '5262822046', kpp: '526201001', ogrn: '1175262826023', address: '603005, г. Нижний Новгород, ул. Алексеевская, д. 10',
    region: 'Нижний Новгород', segment: 'Розница', source: 'Рекомендации', website: 'pvapteka.example',
    phone: '+7 831 282-82-82', email: 'zakupki@pvapteka.example', bank: null, account: '', owner: 'kuznetsova', contacts: [],
  },
  {
    kind: 'ip', shortName: 'ИП Соколова А. В.', fullName: 'Индивидуальный предприниматель Соколова Анна Викторовна',
    inn: '776880288674', kpp: '', ogrn: '304770046826440', address: '115054, г. Москва, ул. Валовая, д. 26, кафе «Корица»',
    region: 'Москва', segment: 'HoReCa', source: 'Входящие обращения', website: '',
    phone: '+7 926 111-22-33', email: 'korica.cafe@yandex.ru', bank: 'sber', account: '40802810064664482622', owner: 'ivanov',
    contacts: [person('Соколова Анна Викторовна', 'Владелец', 'decision_maker', '+7 926 111-22-33', 'korica.cafe@yandex.ru', '1988-02-29', 'Открывает второе кафе весной.')],
  },
  {
    kind: 'ip', shortName: 'ИП Мельников О. И.', fullName: 'Индивидуальный предприниматель Мельников Олег Игоревич',
    inn: '504424620425', kpp: '', ogrn: '304506482804226', address: '141400, Московская обл., г. Химки, ул. Ленинградская, д. 1',
    region: 'Московская область', segment: 'Розница', source: 'Рекомендации', website: '',
    phone: '+7 915 444-55-66', email: 'melnikov.shop@mail.ru', bank: 'vtb', account: '40802810708848066400', owner: 'smirnov', contacts: [],
  },
  {
    kind: 'ip', shortName: 'ИП Галиев Т. М.', fullName: 'Индивидуальный предприниматель Галиев Тимур Маратович',
    inn: '162084268609', kpp: '', ogrn: '304160220220201', address: '420111, Республика Татарстан, г. Казань, ул. Баумана, д. 44',
    region: 'Казань', segment: 'Услуги', source: 'Справочники', website: '',
    phone: '+7 987 290-01-02', email: '', bank: null, account: '', owner: null, contacts: [],
  },
  {
    kind: 'person', shortName: 'Ковалёв Андрей Николаевич', fullName: 'Ковалёв Андрей Николаевич',
    inn: '774006406449', kpp: '', ogrn: '', address: '121170, г. Москва, Кутузовский пр-т, д. 36',
    region: 'Москва', segment: 'Частные заказчики', source: 'Рекомендации', website: '',
    phone: '+7 903 777-66-55', email: 'a.kovalev@gmail.com', bank: null, account: '', owner: 'kuznetsova', contacts: [],
  },
  {
    kind: 'legal', shortName: 'ООО «Северная Пальмира»', fullName: 'Общество с ограниченной ответственностью «Северная Пальмира»',
    inn: '7808624429', kpp: '780801001', ogrn: '1177804062864', address: '191186, г. Санкт-Петербург, Невский пр-т, д. 22',
    region: 'Санкт-Петербург', segment: 'HoReCa', source: 'СМИ', website: 'spalmira.example',
    phone: '+7 812 315-00-22', email: 'events@spalmira.example', bank: 'russia', account: '40702810366686064068', owner: 'kuznetsova', contacts: [],
  },
  {
    kind: 'legal', shortName: 'ООО «Кама Инжиниринг»', fullName: 'Общество с ограниченной ответственностью «Кама Инжиниринг»',
    inn: '1666406260', kpp: '166601001', ogrn: '1171640360869', address: '423800, Республика Татарстан, г. Набережные Челны, пр-т Мира, д. 3',
    region: 'Казань', segment: 'Производство', source: 'Выставки и мероприятия', website: 'kama-eng.example',
    phone: '+7 8552 30-40-50', email: 'office@kama-eng.example', bank: null, account: '', owner: null, contacts: [],
  },
];
