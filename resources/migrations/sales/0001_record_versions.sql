-- Record versions for concurrent edits: a save carrying an older version is refused with who changed it and when.
ALTER TABLE `deals` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `deals` ADD `updated_by` integer REFERENCES users(id);
