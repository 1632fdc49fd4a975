/** Reports over HTTP ({@code /api/reports}). */
package io.ordo.adapters.web.report;
