/** Use case: the workflows, as data. */
package io.ordo.application.port.in.workflow;
