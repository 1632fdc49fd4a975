/** Service: lead deliveries of campaigns. */
package io.ordo.application.service.campaign;
