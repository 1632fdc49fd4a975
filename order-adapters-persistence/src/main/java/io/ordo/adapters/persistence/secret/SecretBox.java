package io.ordo.adapters.persistence.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts the shared secrets of webhook providers and subscriptions (AES-256-GCM, a fresh 12-byte nonce each
 * time), so that a dump of the database does not reveal them. The key comes from {@code ordo.secrets.key}
 * ({@code ORDO_SECRETS_KEY}, 32 bytes in Base64); without one, from a key file in the data directory, generated on
 * first use (the embedded default). Losing the key loses the secrets: providers and subscriptions then have to be
 * registered again.
 */
public final class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    /**
     * One cipher per thread, initialised again for every value: {@code Cipher.getInstance} looks the provider up
     * each time, and a cipher that meets the key it had last skips the AES key schedule. Sealing an order's fields
     * and opening them in the stream's readers ran one lookup and one key schedule per field: cryptography was 10 % of
     * the service's samples per create before, 5 % after, and a rebuild of every projection three times as fast
     * (docs/benchmarks.md).
     */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    });

    /** Shared by every box (one per order): a generator is costly to make and safe to share. */
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("ordo.secrets.key must be 32 bytes in Base64");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The configured key, or else the key file at {@code keyFile}, made when missing. */
    public static SecretBox from(String configuredKey, Path keyFile) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return new SecretBox(Base64.getDecoder().decode(configuredKey.strip()));
        }
        try {
            if (!Files.exists(keyFile)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh) + "\n");
                try {
                    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the file keeps its directory's permissions
                }
                log.warn(
                        "No ordo.secrets.key (ORDO_SECRETS_KEY) set: generated a key for webhook and subscription "
                                + "secrets in {}. Back it up with the database, or set the key yourself.",
                        keyFile.toAbsolutePath().normalize());
            }
            return new SecretBox(
                    Base64.getDecoder().decode(Files.readString(keyFile).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the secrets key " + keyFile, e);
        }
    }

    public byte[] seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    public String open(byte[] sealed) {
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            return new String(cipher.doFinal(sealed, NONCE, sealed.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "A stored secret does not open with ordo.secrets.key: was the key changed?", e);
        }
    }
}
