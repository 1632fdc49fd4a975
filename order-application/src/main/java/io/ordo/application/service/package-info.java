/** Services implementing the use cases, and the access policy they check before every command. */
package io.ordo.application.service;
