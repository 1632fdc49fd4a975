/** The signature scheme webhooks in and notifications out share. */
package io.ordo.application.service.signing;
