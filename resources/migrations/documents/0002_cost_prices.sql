ALTER TABLE `catalog_items` ADD `cost_kopecks` integer;--> statement-breakpoint
ALTER TABLE `document_lines` ADD `cost_kopecks` integer;