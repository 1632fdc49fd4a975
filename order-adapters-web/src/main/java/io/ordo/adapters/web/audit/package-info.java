/** The audit trail over HTTP: search and the streamed NDJSON/CSV export ({@code /api/audit}). */
package io.ordo.adapters.web.audit;
