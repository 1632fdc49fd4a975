/** Service: reports within the caller's bound. */
package io.ordo.application.service.report;
