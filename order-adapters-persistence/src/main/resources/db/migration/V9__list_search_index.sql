-- The list's q filter is `search_text LIKE '%…%'`. Without an index PostgreSQL reads every row of the tenant
-- (or of the status) to answer it; a trigram index finds the few rows that can match. pg_trgm is a trusted
-- extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX order_list_blue_search ON order_list_blue USING gin (search_text gin_trgm_ops);
CREATE INDEX order_list_green_search ON order_list_green USING gin (search_text gin_trgm_ops);
