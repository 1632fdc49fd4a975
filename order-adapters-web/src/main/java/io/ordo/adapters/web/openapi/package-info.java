/** The served OpenAPI document: what springdoc reads from the controllers, completed with what it cannot see. */
package io.ordo.adapters.web.openapi;
