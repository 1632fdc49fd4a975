package io.ordo.application.port.in.webhook;

import io.ordo.domain.exception.OrdoException;

/** A webhook whose signature does not prove a registered provider of the tenant (401, whatever the reason). */
public final class UnauthenticatedException extends OrdoException {

    public UnauthenticatedException() {
        super("The webhook's signature does not verify.");
    }

    @Override
    public String code() {
        return "UNAUTHENTICATED";
    }
}
