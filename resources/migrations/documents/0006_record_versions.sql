-- Record versions for concurrent edits: a save carrying an older version is refused with who changed it and when.
ALTER TABLE `documents` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `catalog_items` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `catalog_items` ADD `updated_by` integer REFERENCES users(id);
