package io.ordo.application.port.in;

/** Use case: an order's status changes, oldest first, creation included. */
public interface GetOrderTimelineUseCase {
    java.util.List<TimelineEntry> timeline(Caller caller, String orderId);
}
