package io.ordo.application.service.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Ordo-Signature} scheme (docs/api.md): {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw
 * body>")>}. Several {@code v1} may be given while a secret is being rotated; one that verifies is enough. A
 * signature more than {@link #TOLERANCE} away from now is stale, so a captured request cannot be replayed later.
 */
public final class Signatures {

    public static final String HEADER = "Ordo-Signature";
    public static final Duration TOLERANCE = Duration.ofSeconds(300);

    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Signatures() {}

    /** The header value that signs {@code body} with {@code secret} at {@code at}. */
    public static String sign(String secret, Instant at, byte[] body) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(secret, t, body));
    }

    /** Whether {@code header} signs {@code body} with {@code secret} within {@link #TOLERANCE} of {@code now}. */
    public static boolean verify(String secret, String header, byte[] body, Instant now) {
        if (header == null || header.length() > 2000) {
            return false;
        }
        Long t = null;
        List<byte[]> candidates = new ArrayList<>();
        for (String part : header.split(",")) {
            String item = part.strip();
            int equals = item.indexOf('=');
            if (equals < 0) {
                return false;
            }
            String key = item.substring(0, equals);
            String value = item.substring(equals + 1);
            if (key.equals("t")) {
                if (t != null || !TIMESTAMP.matcher(value).matches()) {
                    return false;
                }
                t = Long.parseLong(value);
            } else if (key.equals("v1") && HEX_SHA256.matcher(value).matches()) {
                candidates.add(HexFormat.of().parseHex(value));
            }
        }
        if (t == null || candidates.isEmpty()) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - t) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = mac(secret, t, body);
        boolean any = false;
        for (byte[] candidate : candidates) {
            // constant time, and every candidate compared, so that timing tells nothing of which one failed
            any |= MessageDigest.isEqual(expected, candidate);
        }
        return any;
    }

    private static byte[] mac(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
