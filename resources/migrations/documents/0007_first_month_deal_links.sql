-- A document issued without a deal can be linked to one later: the link lives beside the frozen document.
CREATE TABLE `document_deal_links` (
	`document_id` integer PRIMARY KEY NOT NULL,
	`deal_id` integer NOT NULL,
	`linked_by` integer,
	`linked_at` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`linked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_deal_links_deal_idx` ON `document_deal_links` (`deal_id`);
