package io.ordo.domain.exception;

/** Another order of the tenant already carries this order number. */
public final class DuplicateOrderNumberException extends OrdoException {

    public DuplicateOrderNumberException(String orderNumber) {
        super("Order number '%s' is already taken.".formatted(orderNumber));
    }

    @Override
    public String code() {
        return "DUPLICATE_ORDER_NUMBER";
    }
}
