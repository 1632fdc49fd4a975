/** The staff console: its page for every console path; the page, scripts and styles are static resources. */
package io.ordo.adapters.web.console;
