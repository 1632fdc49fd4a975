package io.ordo.domain;

import io.ordo.domain.exception.InvalidOrderException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;

/** ISO 4217 rules for money: which codes exist and how many decimals each has (USD 2, JPY 0, BHD 3). */
public final class Currencies {

    private Currencies() {}

    public static Optional<Currency> find(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    public static int decimals(String code) {
        return find(code)
                .map(Currency::getDefaultFractionDigits)
                .orElseThrow(() -> InvalidOrderException.of("currency", "is not an ISO 4217 currency code"));
    }

    /**
     * True when {@code amount} is written with no more decimals than the currency has: {@code 1.000} does not fit
     * USD, nor {@code 1.00} JPY, though their values would. Money is answered with exactly the currency's decimals,
     * so a client that writes more was counting on a precision Ordo does not keep.
     */
    public static boolean fits(BigDecimal amount, String code) {
        return amount.scale() <= decimals(code);
    }

    /** The amount with exactly the currency's decimals; exact for amounts that {@link #fits}. */
    public static BigDecimal scaled(BigDecimal amount, String code) {
        return amount.setScale(decimals(code), RoundingMode.UNNECESSARY);
    }
}
