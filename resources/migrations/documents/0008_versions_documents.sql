-- Record versions for concurrent edits: price lists and the internal price list (discount limits).
-- A template's version is the number of its newest text (template_versions), so templates need no column.
ALTER TABLE `price_lists` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `price_lists` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `price_lists` ADD `updated_at` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `discount_limits` ADD `version` integer DEFAULT 1 NOT NULL;
