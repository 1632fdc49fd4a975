package io.ordo.application.port.out;

/** Outgoing port: hands out order numbers {@code ORD-<year>-<sequence>} per tenant, never the same one twice. */
public interface OrderNumberPort {

    String next(String tenantId, int year);
}
