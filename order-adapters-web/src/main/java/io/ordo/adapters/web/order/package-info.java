/** Orders over HTTP: create, read, list, patch, move, cancel, leads, discussion, history and the workflows. */
package io.ordo.adapters.web.order;
