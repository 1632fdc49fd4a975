/** Service: the audit trail within the caller's tenant. */
package io.ordo.application.service.audit;
