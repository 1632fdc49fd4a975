-- A list search for a common q walks the newest rows of the page's order and checks each for q (ADR 0006). With
-- search_text in the sort index itself, that walk reads the index alone (an index-only scan) instead of fetching
-- every row it passes from the table: about 0.5 µs a row instead of 2 µs, so it can look at 10,000 rows, not
-- 2,000, before it asks the trigram index. The two sort indexes a list with q uses by default (newest first, with
-- or without a status) are replaced by the same keys carrying search_text; the index grows by about a quarter.
-- Built without CONCURRENTLY: at a million orders each takes a few seconds, during which the list's writes wait.
CREATE INDEX order_list_blue_created ON order_list_blue (tenant_id, created_at DESC, order_id DESC) INCLUDE (search_text);
CREATE INDEX order_list_blue_status_created ON order_list_blue (tenant_id, status, created_at DESC, order_id DESC)
    INCLUDE (search_text);
CREATE INDEX order_list_green_created ON order_list_green (tenant_id, created_at DESC, order_id DESC) INCLUDE (search_text);
CREATE INDEX order_list_green_status_created ON order_list_green (tenant_id, status, created_at DESC, order_id DESC)
    INCLUDE (search_text);

-- the blue table kept V2's index names when V6 renamed it; the green one was made LIKE it and has generated names
DROP INDEX order_list_created;
DROP INDEX order_list_status_created;
DROP INDEX order_list_green_tenant_id_created_at_order_id_idx;
DROP INDEX order_list_green_tenant_id_status_created_at_order_id_idx;
