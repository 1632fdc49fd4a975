package io.ordo.domain;

import java.math.BigDecimal;

/** One line item: {@code quantity} ≥ 1 of {@code sku} at {@code unitPrice} ≥ 0 in the order's currency. */
public record OrderLine(String sku, String name, int quantity, BigDecimal unitPrice) {

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
