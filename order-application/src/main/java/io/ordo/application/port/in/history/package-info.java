/** Use cases on an order's history: timeline, stored events, the order at an instant, the hash chain. */
package io.ordo.application.port.in.history;
