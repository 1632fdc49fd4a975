package io.ordo.adapters.persistence.outbox;

/** How sending one row went: a 2xx (or Kafka's acknowledgement), or the status and error that came back. */
public record Attempt(boolean delivered, Integer status, String error) {

    public static Attempt delivered(Integer status) {
        return new Attempt(true, status, null);
    }

    public static Attempt failed(Integer status, String error) {
        return new Attempt(
                false, status, error == null ? null : error.length() > 500 ? error.substring(0, 500) : error);
    }
}
