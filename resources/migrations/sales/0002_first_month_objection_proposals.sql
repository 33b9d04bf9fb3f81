ALTER TABLE `objections` ADD `proposed_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `objections` ADD `accepted` integer DEFAULT true NOT NULL;
