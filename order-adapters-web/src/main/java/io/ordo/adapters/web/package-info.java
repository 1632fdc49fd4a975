/** Web adapter: the REST API of CONTRACT.md, its request shapes, problem details and security. */
package io.ordo.adapters.web;
