/** Service: an order's history from the event store. */
package io.ordo.application.service.history;
