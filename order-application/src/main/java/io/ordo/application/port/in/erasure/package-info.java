/** Use cases of erasure: forgetting a customer's personal data in a history that is never rewritten. */
package io.ordo.application.port.in.erasure;
