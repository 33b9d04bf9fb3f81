ALTER TABLE `audit_log` ADD `computer` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash_version` integer DEFAULT 1 NOT NULL;
