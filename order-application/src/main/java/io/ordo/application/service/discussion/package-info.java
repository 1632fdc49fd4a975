/** Service: an order's discussion. */
package io.ordo.application.service.discussion;
