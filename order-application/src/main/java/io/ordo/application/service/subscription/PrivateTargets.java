package io.ordo.application.service.subscription;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The guard against server-side request forgery: Ordo POSTs only to {@code http}/{@code https} URLs whose host
 * resolves to public addresses, never to loopback, link-local (cloud metadata), private, carrier-grade NAT, unique
 * local, multicast or unspecified ones, unless {@code ordo.subscriptions.allow-private-targets} says the network is
 * closed (tests, an on-premises network). Judged when a subscription is made and again before each delivery, since
 * a name may resolve elsewhere later.
 */
public final class PrivateTargets {

    private final boolean allowPrivate;

    public PrivateTargets(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why Ordo must not POST to {@code url}, if it must not. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                return Optional.of("resolves to a loopback, link-local or private address");
            }
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second <= 127); // 0/8, carrier-grade NAT 100.64/10
    }
}
