package io.ordo.projections.order;

import io.ordo.domain.OrderId;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The order as a command's own transaction left it: what a command answers when its handler answers nothing. The
 * live detail projection fills it in as it writes the order's row, in that transaction; the answer to the request
 * is then made from it ({@link JdbcOrderReadModelAdapter#findAfter}) instead of reading back the row just written.
 * A command whose transaction rolls back answers nothing at all, so an answer never shows an unwritten order.
 */
public final class WrittenOrder {

    private static final String RESOURCE = "ordo.written-order";

    private volatile OrderDocument document;

    /**
     * The command bus's interceptor that makes a command's answer a {@link WrittenOrder}, unless it has an answer of
     * its own: the id of the order it created does not count (Axon's answer to every creation, known to the caller).
     */
    public static MessageHandlerInterceptor<CommandMessage<?>> answering() {
        return WrittenOrder::handle;
    }

    private static Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        var written = new WrittenOrder();
        unitOfWork.resources().put(RESOURCE, written);
        Object answer = chain.proceed();
        return answer == null || answer instanceof OrderId ? written : answer;
    }

    /** Called by the live detail projection with each document it writes in the current command's transaction. */
    static void wrote(OrderDocument document) {
        if (CurrentUnitOfWork.isStarted()) {
            WrittenOrder written = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (written != null) {
                written.document = document;
            }
        }
    }

    /** The document last written for {@code orderId}, if the command wrote that order. */
    OrderDocument of(String orderId) {
        OrderDocument last = document;
        return last != null && last.id.equals(orderId) ? last : null;
    }
}
