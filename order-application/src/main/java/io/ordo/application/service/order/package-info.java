/** Services that take, read, change, move and cancel orders. */
package io.ordo.application.service.order;
