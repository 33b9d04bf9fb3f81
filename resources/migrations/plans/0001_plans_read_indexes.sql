-- Indexes for the plans area's reads of other areas' tables (the director's dashboard over years of data).
-- Plan / fact sums incoming client money without VAT by month, manager and day: answered from the index alone.
CREATE INDEX `plans_payments_fact_idx` ON `payments` (`month`, `manager_id`, `direction`, `kind`, `date`, `amount_net_kopecks`);
--> statement-breakpoint
-- The forecast reads open deals by expected month: manager, amount and probability from the index alone.
CREATE INDEX `plans_deals_open_month_idx` ON `deals` (`outcome`, `close_month`, `manager_id`, `amount_kopecks`, `probability`);
