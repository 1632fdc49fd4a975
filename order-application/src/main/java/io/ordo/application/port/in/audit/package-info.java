/** Use case: searching the audit trail of a tenant. */
package io.ordo.application.port.in.audit;
