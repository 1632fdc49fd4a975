/** Ordo's own metrics beyond Spring's and Axon's: the stuck-order census, webhook and notification counters. */
package io.ordo.app.metrics;
