package io.ordo.application.port.in.history;

import io.ordo.application.port.in.Caller;
import java.util.List;

/** Use case: an order's status changes, oldest first, creation included. */
public interface GetOrderTimelineUseCase {
    List<TimelineEntry> timeline(Caller caller, String orderId);
}
