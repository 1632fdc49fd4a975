-- V12 meant the newest-rows walk of a list search to read its sort index alone, but a list filters on active by
-- default (the contract's active=true), and active was not in the index: each of the up to 10,000 rows walked was
-- fetched from the table to read it (about 15 ms at a million orders instead of 5). The two sort indexes now carry
-- active as well as search_text, under the same names.
-- tsm_system_rows (a trusted contrib extension, like pg_trgm) gives the list search a sample of a fixed number of
-- rows, read from random pages, from which it estimates how many rows a q matches (SearchWords, ADR 0006).
-- Built without CONCURRENTLY: at a million orders each takes a few seconds, during which the list's writes wait.
CREATE EXTENSION IF NOT EXISTS tsm_system_rows;

CREATE INDEX order_list_blue_created_v13 ON order_list_blue (tenant_id, created_at DESC, order_id DESC)
    INCLUDE (search_text, active);
CREATE INDEX order_list_blue_status_created_v13 ON order_list_blue (tenant_id, status, created_at DESC, order_id DESC)
    INCLUDE (search_text, active);
CREATE INDEX order_list_green_created_v13 ON order_list_green (tenant_id, created_at DESC, order_id DESC)
    INCLUDE (search_text, active);
CREATE INDEX order_list_green_status_created_v13 ON order_list_green (tenant_id, status, created_at DESC, order_id DESC)
    INCLUDE (search_text, active);

DROP INDEX order_list_blue_created;
DROP INDEX order_list_blue_status_created;
DROP INDEX order_list_green_created;
DROP INDEX order_list_green_status_created;

ALTER INDEX order_list_blue_created_v13 RENAME TO order_list_blue_created;
ALTER INDEX order_list_blue_status_created_v13 RENAME TO order_list_blue_status_created;
ALTER INDEX order_list_green_created_v13 RENAME TO order_list_green_created;
ALTER INDEX order_list_green_status_created_v13 RENAME TO order_list_green_status_created;

-- the search's sample now comes from the table itself, not from ANALYZE's statistics (V10): back to the default
ALTER TABLE order_list_blue ALTER COLUMN search_text SET STATISTICS -1;
ALTER TABLE order_list_green ALTER COLUMN search_text SET STATISTICS -1;
