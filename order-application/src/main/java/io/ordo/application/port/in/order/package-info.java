/** Use cases on orders themselves: create, read, list, change details, move and cancel. */
package io.ordo.application.port.in.order;
