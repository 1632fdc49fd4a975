/** Use case: the summary report and time in status. */
package io.ordo.application.port.in.report;
