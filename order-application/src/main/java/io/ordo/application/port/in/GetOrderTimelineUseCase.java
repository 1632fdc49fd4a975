package io.ordo.application.port.in;

import java.util.List;

/** Use case: an order's status changes, oldest first, creation included. */
public interface GetOrderTimelineUseCase {
    List<TimelineEntry> timeline(Caller caller, String orderId);
}
