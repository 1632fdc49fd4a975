-- Erasure (ADR 0016). An erasure finds a customer's orders in the order details (current, and complete for orders
-- from before sealing), not by the keys' customer_id, whose index therefore goes. Every node asks now and then which
-- orders' keys were destroyed lately, to forget the copies it keeps in memory.
CREATE INDEX order_detail_blue_customer ON order_detail_blue (tenant_id, customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX order_detail_green_customer ON order_detail_green (tenant_id, customer_id) WHERE customer_id IS NOT NULL;

DROP INDEX order_data_key_customer;
CREATE INDEX order_data_key_erased ON order_data_key (erased_at) WHERE erased_at IS NOT NULL;
