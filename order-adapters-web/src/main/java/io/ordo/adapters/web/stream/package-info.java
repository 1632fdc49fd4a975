/** The live stream over HTTP: Server-Sent Events with keep-alives and resumption by Last-Event-ID. */
package io.ordo.adapters.web.stream;
