/** Events: what happened to an order, the permanent record; records with {@code @Revision}, never renamed. */
package io.ordo.domain.event;
