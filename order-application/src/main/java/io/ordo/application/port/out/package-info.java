/** Ports out: what the use cases need from the outside world (read models, order numbers). */
package io.ordo.application.port.out;
