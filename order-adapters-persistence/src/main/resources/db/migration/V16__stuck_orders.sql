-- Stuck orders (docs/api.md, "Stuck orders"): the list read model learns when each order entered its current status,
-- and a tenant's own limits override Ordo's defaults.

-- When the order entered its status: the event that moved it there (creation included). Rows projected before this
-- version get it from their timeline, the last status change; a rebuild computes it from the events.
ALTER TABLE order_list_blue ADD COLUMN status_since TIMESTAMPTZ;
ALTER TABLE order_list_green ADD COLUMN status_since TIMESTAMPTZ;
UPDATE order_list_blue l SET status_since = t.entered
FROM (SELECT order_id, max(at) AS entered FROM order_timeline_blue GROUP BY order_id) t
WHERE t.order_id = l.order_id;
UPDATE order_list_green l SET status_since = t.entered
FROM (SELECT order_id, max(at) AS entered FROM order_timeline_green GROUP BY order_id) t
WHERE t.order_id = l.order_id;
CREATE INDEX order_list_blue_stuck ON order_list_blue (tenant_id, workflow, status, status_since);
CREATE INDEX order_list_green_stuck ON order_list_green (tenant_id, workflow, status, status_since);

-- A tenant's stuck limits, in hours (0: never stuck), over the defaults of io.ordo.domain.workflow.StuckLimits.
CREATE TABLE stuck_limit (
    tenant_id VARCHAR(100)   NOT NULL,
    workflow  VARCHAR(32)    NOT NULL,
    status    VARCHAR(64)    NOT NULL,
    hours     NUMERIC(12, 4) NOT NULL,
    PRIMARY KEY (tenant_id, workflow, status)
);
