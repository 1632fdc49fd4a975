/** Use cases of assignment: who works on an order, one at a time or every open order of a user at once. */
package io.ordo.application.port.in.assignment;
