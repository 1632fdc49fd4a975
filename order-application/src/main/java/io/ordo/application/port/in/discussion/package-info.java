/** Use cases of an order's discussion: adding and reading notes. */
package io.ordo.application.port.in.discussion;
