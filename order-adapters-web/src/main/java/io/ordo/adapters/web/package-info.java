/** Web adapter: the REST API, one sub-package per resource, and the JSON and query conventions they share. */
package io.ordo.adapters.web;
