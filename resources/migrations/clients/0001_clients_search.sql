-- Full-text search over clients. The words are prepared by the program (clientSearchText: lower case
-- with ё → е, since SQLite cannot fold Cyrillic itself) into clients.search_text; these triggers keep the
-- external-content FTS5 index in step with that column.
CREATE VIRTUAL TABLE `clients_fts` USING fts5(
  search_text,
  content = 'clients',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 0',
  prefix = '2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `clients_fts_insert` AFTER INSERT ON `clients`
BEGIN
  INSERT INTO clients_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `clients_fts_delete` AFTER DELETE ON `clients`
BEGIN
  INSERT INTO clients_fts (clients_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `clients_fts_update` AFTER UPDATE OF search_text ON `clients`
BEGIN
  INSERT INTO clients_fts (clients_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  INSERT INTO clients_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
-- The sources of the client base named in the seed, ready to use; the office edits the list.
INSERT INTO `client_sources` (name, kind) VALUES
  ('Справочники', 'directory'),
  ('Базы данных', 'database'),
  ('Сайты в Интернете', 'website'),
  ('СМИ', 'media'),
  ('Рекомендации', 'referral'),
  ('Входящие обращения', 'inbound'),
  ('Выставки и мероприятия', 'event');
--> statement-breakpoint
-- The four questionnaires of the first meetings, as starting forms the office can change.
INSERT INTO `questionnaire_forms` (kind, title, fields, created_at, updated_at) VALUES
  ('client_profile', 'Анкета клиента', '[{"key":"activity","label":"Сфера деятельности","type":"text"},{"key":"staff","label":"Количество сотрудников","type":"number"},{"key":"supplier","label":"Текущий поставщик","type":"text"},{"key":"needs","label":"Потребности и задачи","type":"text"},{"key":"decision","label":"Кто принимает решение о закупке","type":"text"},{"key":"budget","label":"Бюджет согласован","type":"checkbox"},{"key":"channel","label":"Удобный способ связи","type":"select","options":["Телефон","Электронная почта","Мессенджер","Встреча"]},{"key":"next","label":"Срок следующего шага","type":"date"}]', strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  ('object_passport', 'Техпаспорт объекта', '[{"key":"address","label":"Адрес объекта","type":"text"},{"key":"type","label":"Тип объекта","type":"select","options":["Офис","Склад","Производство","Магазин","Другое"]},{"key":"area","label":"Площадь, м²","type":"number"},{"key":"surveyed","label":"Дата обследования","type":"date"},{"key":"conditions","label":"Особые условия","type":"text"}]', strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  ('outlet_passport', 'Паспорт торговой точки', '[{"key":"address","label":"Адрес точки","type":"text"},{"key":"format","label":"Формат","type":"select","options":["Магазин у дома","Супермаркет","Павильон","Рынок","Интернет-магазин"]},{"key":"area","label":"Площадь торгового зала, м²","type":"number"},{"key":"tills","label":"Количество касс","type":"number"},{"key":"ours","label":"Наш ассортимент представлен","type":"checkbox"},{"key":"visited","label":"Дата визита","type":"date"}]', strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  ('tech_spec', 'Техническое задание', '[{"key":"subject","label":"Предмет","type":"text"},{"key":"requirements","label":"Требования","type":"text"},{"key":"deadline","label":"Срок исполнения","type":"date"},{"key":"agreed","label":"Согласовано с заказчиком","type":"checkbox"}]', strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now'));
