/** Use cases of lead campaigns: delivering leads and taking them back. */
package io.ordo.application.port.in.campaign;
