-- Who works on an order (docs/api.md, "Assignment"): its creator until OrderReassigned gives it to someone
-- else. Agents see the orders assigned to them; the list filters by it and bulk reassignment finds an agent's open
-- orders by it. Orders created before assignment existed are their creator's. The documents stored before this
-- change have no assignee: OrderDocument reads their creator instead.
ALTER TABLE order_list_blue ADD COLUMN assignee VARCHAR(255);
UPDATE order_list_blue SET assignee = created_by;
ALTER TABLE order_list_blue ALTER COLUMN assignee SET NOT NULL;
CREATE INDEX order_list_blue_assignee ON order_list_blue (tenant_id, assignee, created_at DESC, order_id DESC);

ALTER TABLE order_list_green ADD COLUMN assignee VARCHAR(255);
UPDATE order_list_green SET assignee = created_by;
ALTER TABLE order_list_green ALTER COLUMN assignee SET NOT NULL;
CREATE INDEX order_list_green_assignee ON order_list_green (tenant_id, assignee, created_at DESC, order_id DESC);

-- the detail answers an agent's read of one order within the same bound
ALTER TABLE order_detail_blue ADD COLUMN assignee VARCHAR(255);
UPDATE order_detail_blue SET assignee = created_by;
ALTER TABLE order_detail_blue ALTER COLUMN assignee SET NOT NULL;

ALTER TABLE order_detail_green ADD COLUMN assignee VARCHAR(255);
UPDATE order_detail_green SET assignee = created_by;
ALTER TABLE order_detail_green ALTER COLUMN assignee SET NOT NULL;
