-- Record versions for concurrent edits: payroll orders carry a version and who saved them last.
ALTER TABLE `payroll_orders` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `payroll_orders` ADD `updated_by` integer REFERENCES users(id);
