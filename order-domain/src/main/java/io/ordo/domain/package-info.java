/** The Order aggregate, its workflows and value objects: every business rule of an order lives here. */
package io.ordo.domain;
