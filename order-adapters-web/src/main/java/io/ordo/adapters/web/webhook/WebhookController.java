package io.ordo.adapters.web.webhook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.ordo.application.port.in.webhook.ProviderEvent;
import io.ordo.application.port.in.webhook.ReceiveWebhookUseCase;
import io.ordo.application.port.in.webhook.VerifiedProvider;
import io.ordo.application.port.in.webhook.WebhookOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where providers post their events. No user signs in: the {@code Ordo-Signature} over the raw body authenticates
 * the provider, and is checked before a byte of the body is read as JSON. Providers retry on anything but a 2xx,
 * so a move the order's workflow refuses is still a 200, with {@code outcome: rejected}.
 */
@RestController
@RequestMapping("/api/webhooks")
@Tag(name = "Webhooks")
public class WebhookController {

    /** The largest webhook body Ordo reads. */
    public static final int MAX_BODY = 64 * 1024;

    private final ReceiveWebhookUseCase webhooks;
    private final ObjectReader events;

    public WebhookController(ReceiveWebhookUseCase webhooks, ObjectMapper json) {
        this.webhooks = webhooks;
        // providers add fields of their own over time: the ones Ordo does not know are ignored, the rest is strict
        this.events =
                json.readerFor(ProviderEventRequest.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** A provider's event (docs/api.md, "Inbound webhooks"). */
    public record ProviderEventRequest(
            String id,
            String status,
            String orderId,
            String orderNumber,
            String paymentIntentId,
            String transactionHash,
            String escrowId,
            String amount,
            String currency,
            String carrier,
            String trackingNumber,
            String location,
            String estimatedDelivery) {}

    /** A webhook body over {@link #MAX_BODY}: 413. */
    public static final class TooLargeException extends RuntimeException {
        TooLargeException() {
            super("A webhook body is at most 64 KiB.", null, false, false);
        }
    }

    @PostMapping(
            path = "/{tenant}/{name}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(
            operationId = "receiveWebhook",
            summary = "A provider's event, signed with its secret (Ordo-Signature); no user credentials",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = ProviderEventRequest.class))))
    public WebhookOutcome receive(
            @PathVariable String tenant,
            @PathVariable String name,
            @Parameter(description = "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"<t>.<raw body>\")>")
                    @RequestHeader(name = "Ordo-Signature", required = false)
                    String signature,
            @RequestBody byte[] body) {
        if (body.length > MAX_BODY) {
            throw new TooLargeException();
        }
        VerifiedProvider provider = webhooks.authenticate(tenant, name, signature, body);
        ProviderEventRequest request;
        try {
            request = events.readValue(body);
        } catch (IOException e) {
            throw new HttpMessageNotReadableException(e.getMessage(), e, (HttpInputMessage) null);
        }
        if (request == null) {
            throw new HttpMessageNotReadableException("empty body", (HttpInputMessage) null);
        }
        WebhookOutcome outcome = webhooks.receive(
                provider,
                new ProviderEvent(
                        request.id(),
                        request.status(),
                        request.orderId(),
                        request.orderNumber(),
                        request.paymentIntentId(),
                        request.transactionHash(),
                        request.escrowId(),
                        request.amount(),
                        request.currency(),
                        request.carrier(),
                        request.trackingNumber(),
                        request.location(),
                        request.estimatedDelivery()));
        return outcome;
    }
}
