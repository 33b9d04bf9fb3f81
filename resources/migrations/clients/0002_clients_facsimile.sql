-- The client agreed in writing that our documents may carry a facsimile signature (ГК ст.160 п.2).
ALTER TABLE `clients` ADD `facsimile_agreement` integer DEFAULT false NOT NULL;
