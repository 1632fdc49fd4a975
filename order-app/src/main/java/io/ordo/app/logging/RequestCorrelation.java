package io.ordo.app.logging;

import io.ordo.adapters.web.logging.LogContext;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * The {@code correlationId} and {@code traceId} of every event: the correlation id of the request that sent its
 * command (which {@link MessageLogContext} puts into the command's metadata, and the request's log lines carry),
 * else, like Axon's MessageOriginProvider, the id of the message that caused it; the trace id is the first
 * message's id, as Axon's.
 */
public final class RequestCorrelation implements CorrelationDataProvider {

    private static final String TRACE_ID = "traceId";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        var metaData = message.getMetaData();
        return Map.of(
                LogContext.CORRELATION_ID,
                metaData.getOrDefault(LogContext.CORRELATION_ID, message.getIdentifier()),
                TRACE_ID,
                metaData.getOrDefault(TRACE_ID, message.getIdentifier()));
    }
}
