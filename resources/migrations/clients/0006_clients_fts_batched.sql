-- Bulk writes (a long-list import, a generated base) index their new clients in one statement at the end
-- of their transaction instead of one FTS5 insert per row: a per-row insert from a trigger flushes FTS5's
-- pending terms at every statement (a tiny segment per client, merged again and again). While a row of
-- clients_fts_deferred exists, clients above its mark are left to that one batched insert; everything
-- else is indexed by the triggers exactly as before. The row only ever lives inside a transaction.
CREATE TABLE `clients_fts_deferred` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`after_id` integer NOT NULL
);
--> statement-breakpoint
DROP TRIGGER `clients_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `clients_fts_delete`;
--> statement-breakpoint
DROP TRIGGER `clients_fts_update`;
--> statement-breakpoint
CREATE TRIGGER `clients_fts_insert` AFTER INSERT ON `clients`
WHEN NOT EXISTS (SELECT 1 FROM clients_fts_deferred d WHERE new.id > d.after_id)
BEGIN
  INSERT INTO clients_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `clients_fts_delete` AFTER DELETE ON `clients`
WHEN NOT EXISTS (SELECT 1 FROM clients_fts_deferred d WHERE old.id > d.after_id)
BEGIN
  INSERT INTO clients_fts (clients_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `clients_fts_update` AFTER UPDATE OF search_text ON `clients`
WHEN NOT EXISTS (SELECT 1 FROM clients_fts_deferred d WHERE old.id > d.after_id)
BEGIN
  INSERT INTO clients_fts (clients_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
  INSERT INTO clients_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
