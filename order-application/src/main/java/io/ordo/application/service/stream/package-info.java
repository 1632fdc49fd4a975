/** The live stream: one feed per node, fanned out to each watcher as far as its caller may see. */
package io.ordo.application.service.stream;
