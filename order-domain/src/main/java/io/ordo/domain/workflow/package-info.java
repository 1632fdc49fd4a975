/** The workflows as data: statuses, moves and the rules on editing and discussion. */
package io.ordo.domain.workflow;
