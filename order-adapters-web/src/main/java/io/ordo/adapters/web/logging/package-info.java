/**
 * What every log line of a request carries: its correlation id (the one its events' metadata and a 500's body
 * carry), the tenant and user it was made for and the order it is about ({@link LogContext}); and one line per
 * change request when it is answered ({@link RequestLogFilter}).
 */
package io.ordo.adapters.web.logging;
