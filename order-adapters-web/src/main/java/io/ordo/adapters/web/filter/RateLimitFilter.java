package io.ordo.adapters.web.filter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.adapters.web.problem.Problems;
import io.ordo.adapters.web.security.OrdoPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * 429 {@code RATE_LIMITED} with {@code Retry-After} (docs/api.md) for a user who sends more than
 * {@code perSecond} requests a second to {@code /api}, after a burst of {@code burst}: a token bucket per (tenant,
 * user), refilled continuously. Runs after authentication, so 401 comes first and the bucket is the caller's own.
 * Each node counts on its own: behind a balancer of n nodes a user gets up to n times the rate.
 */
public class RateLimitFilter extends SignedInFilter {

    /** Beyond this many buckets, those that are full again (their users idle) are forgotten. */
    static final int MOST_BUCKETS = 10_000;

    private final double perSecond;
    private final double burst;
    private final String refusal;
    private final ObjectMapper json;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimitFilter(double perSecond, double burst, ObjectMapper json) {
        this(perSecond, burst, json, System::nanoTime);
    }

    RateLimitFilter(double perSecond, double burst, ObjectMapper json, LongSupplier nanos) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.refusal = "More than %s requests a second; try again after Retry-After seconds."
                .formatted(BigDecimal.valueOf(perSecond).stripTrailingZeros().toPlainString());
        this.json = json;
        this.nanos = nanos;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterSignedIn(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, OrdoPrincipal principal)
            throws ServletException, IOException {
        long waitNanos = take(principal.tenantId() + "\u0000" + principal.userId());
        if (waitNanos > 0) {
            response.setHeader(
                    HttpHeaders.RETRY_AFTER,
                    Long.toString(
                            Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + TimeUnit.SECONDS.toNanos(1) - 1))));
            Problems.write(response, json, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", refusal));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Takes a token from the caller's bucket: 0 when there was one, otherwise how long until there is. */
    long take(String caller) {
        long now = nanos.getAsLong();
        if (buckets.size() > MOST_BUCKETS) {
            buckets.values().removeIf(bucket -> bucket.fullAt(now, perSecond, burst));
        }
        return buckets.computeIfAbsent(caller, c -> new Bucket(burst, now)).take(now, perSecond, burst);
    }

    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized long take(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + (now - at) / 1e9 * perSecond);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond * 1e9);
        }

        synchronized boolean fullAt(long now, double perSecond, double burst) {
            return tokens + (now - at) / 1e9 * perSecond >= burst;
        }
    }
}
